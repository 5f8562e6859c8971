import { and, asc, eq, gt, gte, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { chats, operatorPresence } from '@/db/schema';
import type { Emitter } from '@/server/realtime/change-and-publish';
import { CHAT_LIMITS } from './chat-config';

export interface QueuePlace {
  position: number;
  /** Expected wait; null when no operator is available to take chats. */
  etaSeconds: number | null;
}

/** Average handle time (accept to close) of chats closed recently, or a default when there are none. */
export function recentHandleTimeSeconds(db: DbOrTx, now: Date): number {
  const since = new Date(now.getTime() - CHAT_LIMITS.handleTimeWindowMs);
  const row = db
    .select({ avgMs: sql<number | null>`avg(${chats.closedAt} - ${chats.acceptedAt})` })
    .from(chats)
    .where(and(eq(chats.status, 'closed'), isNotNull(chats.acceptedAt), gte(chats.closedAt, since)))
    .get();
  return row?.avgMs ? Math.max(1, Math.round(row.avgMs / 1000)) : CHAT_LIMITS.defaultHandleTimeSeconds;
}

/** Slots of the operators taking chats now: the sum of their capacities. */
function servingSlots(db: DbOrTx, now: Date): number {
  const freshSince = new Date(now.getTime() - CHAT_LIMITS.heartbeatTimeoutMs);
  const row = db
    .select({ slots: sql<number | null>`sum(${operatorPresence.capacity})` })
    .from(operatorPresence)
    .where(and(eq(operatorPresence.status, 'available'), gt(operatorPresence.lastHeartbeatAt, freshSince)))
    .get();
  return row?.slots ?? 0;
}

/**
 * Each waiting chat's place in the queue and expected wait: position × recent handle time / slots
 * (every slot frees, on average, once per handle time).
 */
export function queueState(db: DbOrTx, now: Date): { places: Map<string, QueuePlace & { dealerId: string; dealerUserId: string }>; length: number } {
  const waiting = db
    .select({ id: chats.id, dealerId: chats.dealerId, dealerUserId: chats.dealerUserId })
    .from(chats)
    .where(eq(chats.status, 'queued'))
    .orderBy(asc(chats.createdAt), asc(chats.id))
    .all();
  const aht = recentHandleTimeSeconds(db, now);
  const slots = servingSlots(db, now);
  const places = new Map<string, QueuePlace & { dealerId: string; dealerUserId: string }>();
  waiting.forEach((chat, index) => {
    const position = index + 1;
    places.set(chat.id, { dealerId: chat.dealerId, dealerUserId: chat.dealerUserId, position, etaSeconds: slots > 0 ? Math.ceil((position * aht) / slots) : null });
  });
  return { places, length: waiting.length };
}

/** Tells every waiting dealer their place, and operators that the queue changed (not stored: state, not history). */
export function publishQueueState(db: DbOrTx, emitter: Emitter, now: Date): void {
  const { places, length } = queueState(db, now);
  for (const [chatId, place] of places) {
    emitter.emitEphemeral({ type: 'queue.position', chatId, dealerId: place.dealerId, dealerUserId: place.dealerUserId, payload: { chatId, position: place.position, etaSeconds: place.etaSeconds } });
  }
  emitter.emitEphemeral({ type: 'queue.changed', allOperators: true, payload: { length } });
}
