import { and, asc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { first } from '@/db/client';
import { epochMs } from '@/db/instants';
import { chats } from '@/db/schema';
import type { Emitter } from '@/server/realtime/change-and-publish';
import { availableOperators } from './available-operators';
import { CHAT_LIMITS } from './chat-config';
import { ALL_OPERATORS, type Recipient } from '@/server/realtime/events';
import { participantOf } from './chat-access';

/**
 * What a waiting dealer is told. `now`: an operator is being offered the chat or has a free place
 * for it; `estimate`: every serving place is taken, so the chat waits for one to free; `noOperators`:
 * nobody available takes chats.
 */
export type QueueOutlook = 'now' | 'estimate' | 'noOperators';

export interface QueuePlace {
  position: number;
  outlook: QueueOutlook;
  /** Expected wait: 0 for `now`, null for `noOperators`. */
  etaSeconds: number | null;
  /** Waiting chats ahead of this one that have no operator yet. */
  ahead: number;
  /** The figures behind the estimate: recent average handle time, and the places of available operators. */
  handleSeconds: number;
  servingPlaces: number;
}

/** Average handle time (accept to close) of chats closed recently, or a default when there are none. */
export async function recentHandleTimeSeconds(db: DbOrTx, now: Date): Promise<number> {
  const since = new Date(now.getTime() - CHAT_LIMITS.handleTimeWindowMs);
  const row = await first(
    db
      .select({ avgMs: sql<number | null>`avg(${epochMs(chats.closedAt)} - ${epochMs(chats.acceptedAt)})`.mapWith(Number) })
      .from(chats)
      .where(and(eq(chats.status, 'closed'), isNotNull(chats.acceptedAt), gte(chats.closedAt, since))),
  );
  return row?.avgMs ? Math.max(1, Math.round(row.avgMs / 1000)) : CHAT_LIMITS.defaultHandleTimeSeconds;
}

/**
 * Each waiting chat's place in the queue and outlook. A chat offered to an available operator, or
 * one that a free place is left for, is answered now. Otherwise it waits for places to free: with
 * `ahead` chats before it that have no operator yet, and every place freeing on average once per
 * recent handle time, the wait is (ahead − free places + 1) × handle time / serving places.
 */
export async function queueState(db: DbOrTx, now: Date): Promise<{ places: Map<string, QueuePlace & { recipient: Recipient | null }>; length: number }> {
  const waiting = await db
    .select({ id: chats.id, dealerId: chats.dealerId, dealerUserId: chats.dealerUserId, visitorId: chats.visitorId, offeredTo: chats.offeredTo })
    .from(chats)
    .where(eq(chats.status, 'queued'))
    .orderBy(asc(chats.createdAt), asc(chats.id));
  const handleSeconds = await recentHandleTimeSeconds(db, now);
  const operators = await availableOperators(db, now);
  const taking = new Set(operators.map((o) => o.userId));
  const servingPlaces = operators.reduce((sum, o) => sum + o.capacity, 0);
  const freePlaces = operators.reduce((sum, o) => sum + Math.max(0, o.capacity - o.load), 0);
  const places = new Map<string, QueuePlace & { recipient: Recipient | null }>();
  let unserved = 0;
  waiting.forEach((chat, index) => {
    const base = { recipient: participantOf(chat), position: index + 1, handleSeconds, servingPlaces };
    if (chat.offeredTo && taking.has(chat.offeredTo)) {
      places.set(chat.id, { ...base, outlook: 'now', etaSeconds: 0, ahead: 0 });
      return;
    }
    const ahead = unserved;
    unserved += 1;
    if (ahead < freePlaces) places.set(chat.id, { ...base, outlook: 'now', etaSeconds: 0, ahead });
    else if (servingPlaces === 0) places.set(chat.id, { ...base, outlook: 'noOperators', etaSeconds: null, ahead });
    else places.set(chat.id, { ...base, outlook: 'estimate', etaSeconds: Math.ceil(((ahead - freePlaces + 1) * handleSeconds) / servingPlaces), ahead });
  });
  return { places, length: waiting.length };
}

/** Tells every waiting dealer and visitor their place, and operators that the queue changed (not stored: state, not history). */
export async function publishQueueState(db: DbOrTx, emitter: Emitter, now: Date): Promise<void> {
  const { places, length } = await queueState(db, now);
  for (const [chatId, place] of places) {
    if (place.recipient) emitter.emitEphemeral({ type: 'queue.position', chatId, audience: [place.recipient], payload: { chatId, ...queuePlaceOf(place) } });
  }
  emitter.emitEphemeral({ type: 'queue.changed', audience: [ALL_OPERATORS], payload: { length } });
}

/** The place without its audience, as summaries and events carry it. */
export function queuePlaceOf({ position, outlook, etaSeconds, ahead, handleSeconds, servingPlaces }: QueuePlace): QueuePlace {
  return { position, outlook, etaSeconds, ahead, handleSeconds, servingPlaces };
}
