import { and, eq, gt, sql } from 'drizzle-orm';
import { first, type DbOrTx } from '@/db/client';
import { preparedQuery } from '@/db/prepared';
import { sessions, users } from '@/db/schema';
import type { Actor } from '@/server/context';

/** A function, not a constant: the columns of the process's dialect, chosen at start-up after this module loads. */
const actorColumns = () => ({
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  dealerId: users.dealerId,
  pointOfSaleId: users.pointOfSaleId,
});

/** The actor for a user id, or null when the user does not exist or is deactivated. */
export async function loadActiveActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const row = await first(
    db
      .select(actorColumns())
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true))),
  );
  return row ?? null;
}

/**
 * The actor behind a session token, with the session's expiry: null unless the session row still
 * exists (not signed out, not deleted by deactivation), has not expired, and its user is active.
 * One indexed query, so every request and every open stream can afford it.
 */
const sessionActor = preparedQuery((db) =>
  db
    .select({ ...actorColumns(), expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.token, sql.placeholder('token')), gt(sessions.expiresAt, sql.placeholder('now')), eq(users.active, true)))
    .prepare(),
);

export async function loadSessionActor(db: DbOrTx, token: string, now: Date): Promise<{ actor: Actor; expiresAt: Date } | null> {
  // A placeholder outside a column's own values is bound as it is: the column's stored form of the
  // instant (epoch milliseconds on SQLite, a timestamptz on PostgreSQL), as the column maps it.
  const row = await sessionActor(db).get({ token, now: sessions.expiresAt.mapToDriverValue(now) });
  if (!row) return null;
  const { expiresAt, ...actor } = row;
  return { actor, expiresAt };
}
