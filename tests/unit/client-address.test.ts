import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, clientIp, parseTrustedProxies, resolveClientAddress } from '@/server/http/client-address';

describe('resolveClientAddress', () => {
  const none = parseTrustedProxies('');

  it('believes no forwarded header when no proxy is configured', () => {
    expect(resolveClientAddress('198.51.100.7', '1.2.3.4', none)).toBe('198.51.100.7');
    expect(resolveClientAddress('::ffff:198.51.100.7', '1.2.3.4, 5.6.7.8', none)).toBe('198.51.100.7');
  });

  it('reads X-Forwarded-For from the right, skipping trusted proxies, when the peer is one', () => {
    const trusted = parseTrustedProxies('10.0.0.0/8, 192.0.2.10');
    // The client wrote "1.2.3.4" itself; the edge proxy appended the address it saw.
    expect(resolveClientAddress('10.1.2.3', '1.2.3.4, 203.0.113.9', trusted)).toBe('203.0.113.9');
    expect(resolveClientAddress('10.1.2.3', '203.0.113.9, 192.0.2.10', trusted)).toBe('203.0.113.9');
    expect(resolveClientAddress('10.1.2.3', undefined, trusted)).toBe('10.1.2.3');
    expect(resolveClientAddress('10.1.2.3', 'garbage', trusted)).toBe('10.1.2.3');
    // A peer that is not a trusted proxy is the client, whatever it forwards.
    expect(resolveClientAddress('203.0.113.50', '1.2.3.4', trusted)).toBe('203.0.113.50');
  });

  it('takes IPv6 ranges', () => {
    const trusted = parseTrustedProxies('2001:db8::/32');
    expect(resolveClientAddress('2001:db8::1', '2a02:2378::5', trusted)).toBe('2a02:2378::5');
  });

  it('refuses a bad configuration with the variable named', () => {
    expect(() => parseTrustedProxies('proxy.local')).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/TRUSTED_PROXIES/);
  });
});

describe('clientIp', () => {
  it('reads only the address the front door set, never X-Forwarded-For', () => {
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: '198.51.100.7', 'x-forwarded-for': '1.2.3.4' }))).toBe('198.51.100.7');
    expect(clientIp(new Headers({ 'x-forwarded-for': '1.2.3.4' }))).toBe('unknown');
  });
});
