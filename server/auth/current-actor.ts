import { getDb } from '@/server/config/database';
import type { Actor } from '@/server/context';
import { getAuth, sessionCookieName } from './auth';
import { loadSessionActor } from './load-actor';
import { cachedSession, rememberSession, sessionCookie } from './session-cache';
import type { SessionRef } from './session-watch';

/**
 * The signed-in, active user behind a request's session cookie, and the session itself (an open
 * stream re-checks it, session-watch.ts), or null. better-auth verifies the cookie's signature
 * (and renews the session when due); the session row and the user are read on every request.
 */
export async function currentSession(headers: Headers): Promise<{ actor: Actor; session: SessionRef } | null> {
  const cookie = sessionCookie(headers, await sessionCookieName());
  if (!cookie) return null;
  let token = cachedSession(cookie)?.token;
  if (!token) {
    const verified = await getAuth().api.getSession({ headers });
    if (!verified) return null;
    token = verified.session.token;
    rememberSession(cookie, { token, userId: verified.user.id, expiresAt: new Date(verified.session.expiresAt) });
  }
  const loaded = await loadSessionActor(getDb(), token, new Date());
  return loaded && { actor: loaded.actor, session: { token, expiresAt: loaded.expiresAt } };
}

/** The signed-in, active user behind a request's session cookie, or null. */
export async function currentActor(headers: Headers): Promise<Actor | null> {
  return (await currentSession(headers))?.actor ?? null;
}
