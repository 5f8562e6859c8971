import { describe, expect, it } from 'vitest';
import { cachedSessionUser, forgetSession, rememberSession, sessionCookie } from '@/server/auth/session-cache';

describe('session cache', () => {
  it('reads the session cookie with or without the secure prefix', () => {
    expect(sessionCookie(new Headers({ cookie: 'a=1; dd.session_token=abc.sig%3D; b=2' }))).toBe('abc.sig%3D');
    expect(sessionCookie(new Headers({ cookie: '__Secure-dd.session_token=xyz.sig' }))).toBe('xyz.sig');
    expect(sessionCookie(new Headers({ cookie: 'other=1' }))).toBeNull();
    expect(sessionCookie(new Headers())).toBeNull();
  });

  it('remembers a validated cookie for at most 10 s, never past the session expiry, and forgets on sign-out', () => {
    const now = 1_000_000;
    rememberSession('c1', 'user-1', new Date(now + 60_000), now);
    expect(cachedSessionUser('c1', now + 9_999)).toBe('user-1');
    expect(cachedSessionUser('c1', now + 10_000)).toBeNull();

    rememberSession('c2', 'user-2', new Date(now + 3_000), now);
    expect(cachedSessionUser('c2', now + 3_000)).toBeNull();

    rememberSession('c3', 'user-3', new Date(now + 60_000), now);
    forgetSession('c3');
    expect(cachedSessionUser('c3', now + 1)).toBeNull();
  });
});
