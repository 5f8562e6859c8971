import { sql } from 'drizzle-orm';
import { dialectOf, holdClusterLock, inTransaction, type Db, type Tx } from '@/db/client';
import { preparedQuery } from '@/db/prepared';
import { realtimeEvents } from '@/db/schema';
import { audienceOf, columnsOf } from './audience';
import type { BusEvent, EventBus } from './event-bus';
import { eventDraft, type EventDraft, type ValidEventDraft } from './events';

export type { EventDraft } from './events';

export interface Emitter {
  /** Stores the event in this transaction; it is published only after the commit. */
  emit(draft: EventDraft): Promise<void>;
  /** An event that is published after the commit but not stored (typing, queue positions). */
  emitEphemeral(draft: EventDraft): void;
}

const insertEvent = preparedQuery((db) =>
  db
    .insert(realtimeEvents)
    .values({
      type: sql.placeholder('type'),
      chatId: sql.placeholder('chatId'),
      dealerId: sql.placeholder('dealerId'),
      dealerUserId: sql.placeholder('dealerUserId'),
      operatorId: sql.placeholder('operatorId'),
      visitorId: sql.placeholder('visitorId'),
      allOperators: sql.placeholder('allOperators'),
      payload: sql.placeholder('payload'),
      createdAt: sql.placeholder('createdAt'),
    })
    .returning({ id: realtimeEvents.id })
    .prepare(),
);

/** Transactions that hold the event log's lock already (it is taken once per transaction). */
const holdingEventLock = new WeakSet<object>();

/**
 * An event not stored, as it goes on the bus: validated against the declared union
 * (server/realtime/events.ts), like every event, where it is made.
 */
export function ephemeralEvent(draft: EventDraft, now: Date): BusEvent {
  return { id: null, ...eventDraft.parse(draft), createdAt: now };
}

/**
 * Appends validated events to realtime_events in `tx`, in the given order, and returns them as
 * they go on the bus (with their ids).
 *
 * Event ids are readable in COMMIT ORDER. A reader of the log (the PostgreSQL bus,
 * server/realtime/postgres-event-bus.ts; a stream resumed from its last id) reads `id > last`
 * and moves `last` on, which is only right if no id below one it has read can still commit. A
 * plain sequence does not give that: ids are handed out at insert time and transactions commit
 * in any order, so a reader past 11 would never see 10 if 10's transaction committed after 11's.
 * On PostgreSQL the append therefore first takes a transaction-scoped advisory lock
 * (`pg_advisory_xact_lock`, once per transaction), released only by the commit or rollback: the
 * next transaction that appends waits for it, so ids are assigned in lock order, and by the time
 * an id is visible every lower id is committed (or rolled back, a gap no one waits for). SQLite
 * has a single writer (BEGIN IMMEDIATE) and needs nothing.
 *
 * The price is that appending transactions commit one at a time; `changeAndPublish` keeps the
 * lock short by appending at the very end of the verb's transaction (see there).
 */
export async function appendEvents(tx: Tx, drafts: readonly ValidEventDraft[], now: Date): Promise<BusEvent[]> {
  if (drafts.length === 0) return [];
  if (dialectOf(tx) === 'postgres' && !holdingEventLock.has(tx)) {
    await holdClusterLock(tx, 'eventLog');
    holdingEventLock.add(tx);
  }
  const events: BusEvent[] = [];
  for (const event of drafts) {
    // Published as validated, its audience in the stored (canonical) form, so it equals the
    // event resumed from the row; only the id comes back from the insert.
    const columns = columnsOf(event.audience);
    const inserted = await insertEvent(tx).get({ type: event.type, chatId: event.chatId, ...columns, payload: event.payload, createdAt: now });
    events.push({ id: (inserted as { id: number }).id, ...event, audience: audienceOf(columns), createdAt: now });
  }
  return events;
}

/**
 * Persist first, then publish: runs `fn` in one transaction where every emitted event is
 * validated (at once, where it is made) and written to realtime_events; after the commit the
 * events go to the bus in the order they were emitted (stored ones in id order). A rolled-back
 * change publishes nothing.
 *
 * The stored events are written when `fn` has finished, still inside its transaction, in one
 * `appendEvents`: on PostgreSQL the event log's lock is then the last lock the transaction takes,
 * held only for these inserts and the commit. Taken at the first emit it would be held across the
 * rest of the verb, and a verb that then waited for a row another transaction had locked, while
 * that one waited for the event log, would deadlock. (realtime_events has no foreign keys: its
 * inserts wait for no row.)
 */
export async function changeAndPublish<T>(ctx: { db: Db; bus: EventBus; clock: { now(): Date } }, fn: (tx: Tx, emitter: Emitter) => Promise<T> | T): Promise<T> {
  let published: BusEvent[] = [];
  const result = await inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    // In emit order: stored events (to be appended) and ephemeral ones.
    const emitted: ({ stored: ValidEventDraft } | { ephemeral: BusEvent })[] = [];
    const value = await fn(tx, {
      async emit(draft) {
        emitted.push({ stored: eventDraft.parse(draft) });
      },
      emitEphemeral(draft) {
        emitted.push({ ephemeral: ephemeralEvent(draft, now) });
      },
    });
    const stored = await appendEvents(
      tx,
      emitted.flatMap((entry) => ('stored' in entry ? [entry.stored] : [])),
      now,
    );
    let next = 0;
    published = emitted.map((entry) => ('stored' in entry ? (stored[next++] as BusEvent) : entry.ephemeral));
    return value;
  });
  ctx.bus.publish(published);
  return result;
}
