import { getDb } from '@/db/client';
import type { Actor } from '@/server/context';
import { getAuth } from './auth';
import { loadActiveActor } from './load-actor';
import { cachedSessionUser, rememberSession, sessionCookie } from './session-cache';

/** The signed-in, active user behind a request's session cookie, or null. */
export async function currentActor(headers: Headers): Promise<Actor | null> {
  const cookie = sessionCookie(headers);
  if (!cookie) return null;
  const cachedUser = cachedSessionUser(cookie);
  if (cachedUser) return loadActiveActor(getDb(), cachedUser);
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  rememberSession(cookie, session.user.id, new Date(session.session.expiresAt));
  return loadActiveActor(getDb(), session.user.id);
}
