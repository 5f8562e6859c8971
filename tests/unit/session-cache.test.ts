import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { createAuth, sessionCookieName } from '@/server/auth/auth';
import { cachedSession, forgetSession, SESSION_CACHE_TTL_MS, forgetUserSessions, rememberSession, sessionCookie } from '@/server/auth/session-cache';

const PLAIN = 'dd.session_token';
const SECURE = '__Secure-dd.session_token';

afterEach(() => vi.unstubAllEnvs());

describe('session cookie', () => {
  it('reads only the cookie of the configured name', () => {
    expect(sessionCookie(new Headers({ cookie: 'a=1; dd.session_token=abc.sig%3D; b=2' }), PLAIN)).toBe('abc.sig%3D');
    expect(sessionCookie(new Headers({ cookie: `${SECURE}=xyz.sig` }), SECURE)).toBe('xyz.sig');
    // The other spelling is someone else's cookie: with https a plain-named one could be set over http.
    expect(sessionCookie(new Headers({ cookie: `${PLAIN}=abc.sig` }), SECURE)).toBeNull();
    expect(sessionCookie(new Headers({ cookie: `${SECURE}=xyz.sig` }), PLAIN)).toBeNull();
    expect(sessionCookie(new Headers({ cookie: 'other=1' }), PLAIN)).toBeNull();
    expect(sessionCookie(new Headers(), PLAIN)).toBeNull();
  });

  it('takes the name from better-auth: with the __Secure- prefix when APP_URL is https, plain when http', async () => {
    vi.stubEnv('BETTER_AUTH_SECRET', 'x'.repeat(32));
    vi.stubEnv('APP_URL', 'https://desk.example.ua');
    expect(await sessionCookieName(createAuth({} as Db))).toBe(SECURE);
    vi.stubEnv('APP_URL', 'http://192.168.1.10:3000');
    expect(await sessionCookieName(createAuth({} as Db))).toBe(PLAIN);
  });
});

describe('session cache', () => {
  const session = (token: string, userId: string, expiresAt: number) => ({ token, userId, expiresAt: new Date(expiresAt) });

  it('remembers a validated cookie for at most five minutes, never past the session expiry, and forgets on sign-out', () => {
    const now = 1_000_000;
    expect(SESSION_CACHE_TTL_MS).toBe(5 * 60_000);
    rememberSession('c1', session('t1', 'user-1', now + 60 * 60_000), now);
    expect(cachedSession('c1', now + SESSION_CACHE_TTL_MS - 1)).toMatchObject({ token: 't1', userId: 'user-1' });
    expect(cachedSession('c1', now + SESSION_CACHE_TTL_MS)).toBeNull();

    rememberSession('c2', session('t2', 'user-2', now + 3_000), now);
    expect(cachedSession('c2', now + 3_000)).toBeNull();

    rememberSession('c3', session('t3', 'user-3', now + 60_000), now);
    forgetSession('c3');
    expect(cachedSession('c3', now + 1)).toBeNull();
  });

  it('forgets every cookie of a user at once (deactivation)', () => {
    const now = 2_000_000;
    rememberSession('d1', session('t1', 'user-9', now + 60_000), now);
    rememberSession('d2', session('t2', 'user-9', now + 60_000), now);
    rememberSession('d3', session('t3', 'user-8', now + 60_000), now);
    forgetUserSessions('user-9');
    expect(cachedSession('d1', now + 1)).toBeNull();
    expect(cachedSession('d2', now + 1)).toBeNull();
    expect(cachedSession('d3', now + 1)).toMatchObject({ userId: 'user-8' });
  });
});
