import { sql } from 'drizzle-orm';
import { inTransaction, type Db, type Tx } from '@/db/client';
import { preparedQuery } from '@/db/prepared';
import { realtimeEvents } from '@/db/schema';
import type { BusEvent, EventBus } from './event-bus';

type Audience = 'allOperators' | 'chatId' | 'dealerId' | 'dealerUserId' | 'operatorId';
export type EventDraft = Omit<BusEvent, 'id' | 'createdAt' | Audience> & Partial<Pick<BusEvent, Audience>>;

export interface Emitter {
  /** Stores the event in this transaction; it is published only after the commit. */
  emit(draft: EventDraft): void;
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
    .returning()
    .prepare(),
);

/**
 * Persist first, then publish: runs `fn` in one transaction where every emitted event is written
 * to realtime_events; after the commit the events go to the bus in id order. A rolled-back change
 * publishes nothing.
 */
export function changeAndPublish<T>(ctx: { db: Db; bus: EventBus; clock: { now(): Date } }, fn: (tx: Tx, emitter: Emitter) => T): T {
  const pending: BusEvent[] = [];
  const result = inTransaction(ctx.db, (tx) => {
    const now = ctx.clock.now();
    const normalize = (draft: EventDraft) => ({
      type: draft.type,
      chatId: draft.chatId ?? null,
      dealerId: draft.dealerId ?? null,
      dealerUserId: draft.dealerUserId ?? null,
      operatorId: draft.operatorId ?? null,
      allOperators: draft.allOperators ?? false,
      payload: draft.payload,
      createdAt: now,
    });
    return fn(tx, {
      emit(draft) {
        const row = insertEvent(tx).get(normalize(draft));
        pending.push(row);
      },
      emitEphemeral(draft) {
        pending.push({ id: null, ...normalize(draft) });
      },
    });
  });
  ctx.bus.publish(pending);
  return result;
}
