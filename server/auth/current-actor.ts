import { getDb } from '@/db/client';
import type { Actor } from '@/server/context';
import { getAuth } from './auth';
import { loadActiveActor } from './load-actor';

/** The signed-in, active user behind a request's session cookie, or null. */
export async function currentActor(headers: Headers): Promise<Actor | null> {
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  return loadActiveActor(getDb(), session.user.id);
}
