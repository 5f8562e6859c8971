import { sql } from 'drizzle-orm';
import { inTransaction, type Db, type Tx } from '@/db/client';
import { preparedQuery } from '@/db/prepared';
import { realtimeEvents } from '@/db/schema';
import { audienceOf, columnsOf } from './audience';
import type { BusEvent, EventBus } from './event-bus';
import { eventDraft, type EventDraft } from './events';

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
      allOperators: sql.placeholder('allOperators'),
      payload: sql.placeholder('payload'),
      createdAt: sql.placeholder('createdAt'),
    })
    .returning({ id: realtimeEvents.id })
    .prepare(),
);

/**
 * An event not stored, as it goes on the bus: validated against the declared union
 * (server/realtime/events.ts), like every event, where it is made.
 */
export function ephemeralEvent(draft: EventDraft, now: Date): BusEvent {
  return { id: null, ...eventDraft.parse(draft), createdAt: now };
}

/**
 * Persist first, then publish: runs `fn` in one transaction where every emitted event is
 * validated and written to realtime_events; after the commit the events go to the bus in id
 * order. A rolled-back change publishes nothing.
 */
export async function changeAndPublish<T>(ctx: { db: Db; bus: EventBus; clock: { now(): Date } }, fn: (tx: Tx, emitter: Emitter) => Promise<T> | T): Promise<T> {
  const pending: BusEvent[] = [];
  const result = await inTransaction(ctx.db, (tx) => {
    const now = ctx.clock.now();
    return fn(tx, {
      async emit(draft) {
        // Published as validated, its audience in the stored (canonical) form, so it equals the
        // event resumed from the row; only the id comes back from the insert.
        const event = eventDraft.parse(draft);
        const columns = columnsOf(event.audience);
        const inserted = await insertEvent(tx).get({ type: event.type, chatId: event.chatId, ...columns, payload: event.payload, createdAt: now });
        pending.push({ id: (inserted as { id: number }).id, ...event, audience: audienceOf(columns), createdAt: now });
      },
      emitEphemeral(draft) {
        pending.push(ephemeralEvent(draft, now));
      },
    });
  });
  ctx.bus.publish(pending);
  return result;
}
