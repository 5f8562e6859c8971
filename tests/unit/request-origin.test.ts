import { describe, expect, it } from 'vitest';
import { checkRequestOrigin, ownOrigins } from '@/server/http/request-origin';

const own = ['http://shop.local:3000'];

describe('checkRequestOrigin', () => {
  it('lets reads through from anywhere', () => {
    expect(checkRequestOrigin({ method: 'GET', origin: 'https://evil.example', fetchSite: 'cross-site', ownOrigins: own }).allowed).toBe(true);
  });

  it('refuses a state change from another origin, also one that only Sec-Fetch-Site names', () => {
    expect(checkRequestOrigin({ method: 'POST', origin: 'https://evil.example', fetchSite: undefined, ownOrigins: own }).allowed).toBe(false);
    expect(checkRequestOrigin({ method: 'POST', origin: 'null', fetchSite: undefined, ownOrigins: own }).allowed).toBe(false);
    expect(checkRequestOrigin({ method: 'PUT', origin: undefined, fetchSite: 'cross-site', ownOrigins: own }).allowed).toBe(false);
    expect(checkRequestOrigin({ method: 'DELETE', origin: undefined, fetchSite: 'same-site', ownOrigins: own }).allowed).toBe(false);
  });

  it('accepts its own origin, whatever the letter case, and a client that is no browser', () => {
    expect(checkRequestOrigin({ method: 'POST', origin: 'http://SHOP.local:3000', fetchSite: 'same-origin', ownOrigins: own }).allowed).toBe(true);
    expect(checkRequestOrigin({ method: 'POST', origin: undefined, fetchSite: 'same-origin', ownOrigins: own }).allowed).toBe(true);
    expect(checkRequestOrigin({ method: 'POST', origin: undefined, fetchSite: undefined, ownOrigins: own }).allowed).toBe(true);
  });
});

describe('ownOrigins', () => {
  it('is APP_URL and the configured list; the addressed host only without APP_URL', () => {
    expect(ownOrigins({ appUrl: 'https://Desk.example.ua/app', allowedOrigins: ['https://desk2.example.ua'] }, 'http://10.0.0.5:3000')).toEqual([
      'https://desk2.example.ua',
      'https://desk.example.ua',
    ]);
    expect(ownOrigins({ appUrl: undefined, allowedOrigins: [] }, 'http://10.0.0.5:3000')).toEqual(['http://10.0.0.5:3000']);
  });
});
