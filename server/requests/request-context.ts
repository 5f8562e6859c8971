import type { Db } from '@/db/client';
import type { Actor, Clock, VerbContext } from '@/server/context';
import { forbidden } from './request-errors';
import type { FileStorage } from '@/server/storage/file-storage';

/** What the requests' verbs need besides a verb's context: files, the app's address (links), the client's address (link throttle). */
export interface RequestContext extends VerbContext {
  storage: FileStorage;
  appUrl: string;
  ip: string;
}

export interface PublicRequestContext {
  db: Db;
  clock: Clock;
  storage: FileStorage;
  appUrl: string;
  ip: string;
}

/** The back office (or an admin): the procedure checked the role; the verbs check it again. */
export function staffOf(ctx: { actor: Actor | null }): Actor {
  const actor = ctx.actor;
  if (!actor || (actor.role !== 'backoffice' && actor.role !== 'admin')) throw forbidden();
  return actor;
}
