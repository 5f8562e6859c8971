import { and, eq, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { preparedQuery } from '@/db/prepared';
import { sessions, users } from '@/db/schema';
import type { Actor } from '@/server/context';

const actorColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  dealerId: users.dealerId,
  pointOfSaleId: users.pointOfSaleId,
};

/** The actor for a user id, or null when the user does not exist or is deactivated. */
export function loadActiveActor(db: DbOrTx, userId: string): Actor | null {
  const row = db
    .select(actorColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .get();
  return row ?? null;
}

/**
 * The actor behind a session token, with the session's expiry: null unless the session row still
 * exists (not signed out, not deleted by deactivation), has not expired, and its user is active.
 * One indexed query, so every request and every open stream can afford it.
 */
const sessionActor = preparedQuery((db) =>
  db
    .select({ ...actorColumns, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.token, sql.placeholder('token')), gt(sessions.expiresAt, sql.placeholder('now')), eq(users.active, true)))
    .prepare(),
);

export function loadSessionActor(db: DbOrTx, token: string, now: Date): { actor: Actor; expiresAt: Date } | null {
  // A placeholder outside a column's own values is bound as it is: the stored form of a timestamp_ms column.
  const row = sessionActor(db).get({ token, now: now.getTime() });
  if (!row) return null;
  const { expiresAt, ...actor } = row;
  return { actor, expiresAt };
}
