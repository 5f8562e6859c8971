import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { first, type Tx } from '@/db/client';
import type { OperatorServes } from '@/db/column-values';
import { operatorPresence, type OperatorStatus } from '@/db/schema';
import type { Emitter } from '@/server/realtime/change-and-publish';
import { operatorRecipient } from '@/server/realtime/events';
import { CHAT_LIMITS } from './chat-config';

export type PresenceRow = typeof operatorPresence.$inferSelect;

/**
 * Since when a heartbeat counts as live: an operator silent for longer is offline — for routing,
 * the admins' list and the figures at once, before the sweep records it.
 */
export const liveHeartbeatSince = (now: Date): Date => new Date(now.getTime() - CHAT_LIMITS.heartbeatTimeoutMs);

/** The query condition: the presence's heartbeat is live at `now`. */
export const hasLiveHeartbeat = (now: Date) => gt(operatorPresence.lastHeartbeatAt, liveHeartbeatSince(now));

/**
 * One change of an operator's presence. The only writer of operator_presence is this module:
 * the status (set by the operator, or away after missed offers, or offline when the heartbeat
 * stopped), the heartbeat, the capacity, which class of chats they take, when they last got a chat, the missed offers in a row.
 */
export interface PresenceChange {
  /** A new status, announced to the operator's screens (`operator.status`, with why when it was not their choice). */
  status?: { to: OperatorStatus; why?: Record<string, unknown> };
  heartbeat?: true;
  capacity?: number;
  /** Which class of chats routing offers them (an admin assigns it). */
  serves?: OperatorServes;
  /** They just got a chat or freed a place: the longest idle is offered first. */
  busySince?: true;
  missedOffers?: 'reset' | 'addOne';
}

/**
 * The operator's presence row, created on first use (offline, default capacity). Two first uses at
 * once (PostgreSQL: two transactions) make one row: the later insert does nothing and reads it.
 */
export async function ensurePresence(tx: Tx, userId: string, now: Date): Promise<PresenceRow> {
  const byUser = () => first(tx.select().from(operatorPresence).where(eq(operatorPresence.userId, userId)));
  const existing = await byUser();
  if (existing) return existing;
  const [made] = await tx
    .insert(operatorPresence)
    .values({ userId, status: 'offline', capacity: CHAT_LIMITS.defaultCapacity, updatedAt: now })
    .onConflictDoNothing({ target: operatorPresence.userId })
    .returning();
  const row = made ?? (await byUser());
  if (!row) throw new Error(`no presence row for ${userId}`);
  return row;
}

/** Writes one change of one operator's presence (a row that does not exist is left alone); answers the row as it now is. */
export async function changePresence(tx: Tx, emitter: Emitter | null, userId: string, change: PresenceChange, now: Date): Promise<PresenceRow | undefined> {
  const onlyHeartbeat = change.heartbeat && Object.keys(change).length === 1;
  const [row] = await tx
    .update(operatorPresence)
    .set({
      ...(change.status ? { status: change.status.to } : {}),
      ...(change.heartbeat ? { lastHeartbeatAt: now } : {}),
      ...(change.capacity !== undefined ? { capacity: change.capacity } : {}),
      ...(change.serves !== undefined ? { serves: change.serves } : {}),
      ...(change.busySince ? { idleSince: now } : {}),
      ...(change.missedOffers === 'reset' ? { missedOffers: 0 } : change.missedOffers === 'addOne' ? { missedOffers: sql`${operatorPresence.missedOffers} + 1` } : {}),
      // The heartbeat alone is not a change of presence.
      ...(onlyHeartbeat ? {} : { updatedAt: now }),
    })
    .where(eq(operatorPresence.userId, userId))
    .returning();
  if (row && change.status) await emitter?.emit({ type: 'operator.status', audience: [operatorRecipient(userId)], payload: { status: change.status.to, ...change.status.why } });
  return row;
}

/** Operators not offline whose last heartbeat is older than the cutoff. */
export async function stalePresences(tx: Tx, now: Date): Promise<string[]> {
  const rows = await tx
    .select({ userId: operatorPresence.userId })
    .from(operatorPresence)
    .where(and(ne(operatorPresence.status, 'offline'), lt(operatorPresence.lastHeartbeatAt, liveHeartbeatSince(now))));
  return rows.map((r) => r.userId);
}
