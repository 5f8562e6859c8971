import { and, asc, eq, gte, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { first } from '@/db/client';
import { epochMs } from '@/db/instants';
import { chats } from '@/db/schema';
import type { Emitter } from '@/server/realtime/change-and-publish';
import { CHAT_CLASSES, type ChatClass } from '@/db/column-values';
import { availableOperators, type AvailableOperator } from './available-operators';
import { byDeadline, servesClass } from './class-targets';
import { CHAT_LIMITS } from './chat-config';
import { ALL_OPERATORS, type Recipient } from '@/server/realtime/events';
import { participantOf } from './chat-access';

/**
 * What a waiting dealer or visitor is told. `now`: an operator is being offered the chat or has a free place
 * for it; `estimate`: every serving place is taken, so the chat waits for one to free; `noOperators`:
 * nobody available takes chats of its class.
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
 * Each waiting chat's place in the queue and outlook, in routing order (earliest deadline first,
 * server/chat/class-targets.ts), among the chats that compete for the same operators: those of a
 * class that some operator serving this chat's class also serves (with everyone serving both
 * classes, the whole queue). A chat offered to an available operator, or one that a free place of
 * an operator serving its class is left for, is answered now. Otherwise it waits for places to
 * free: with `ahead` competing chats before it that have no operator yet, and every place of the
 * operators serving its class freeing on average once per recent handle time, the wait is
 * (ahead − free places + 1) × handle time / serving places. Nobody available serving its class:
 * `noOperators`.
 */
export async function queueState(db: DbOrTx, now: Date): Promise<{ places: Map<string, QueuePlace & { recipient: Recipient | null }>; length: number }> {
  const waiting = byDeadline(
    await db
      .select({ id: chats.id, class: chats.class, createdAt: chats.createdAt, dealerId: chats.dealerId, dealerUserId: chats.dealerUserId, visitorId: chats.visitorId, offeredTo: chats.offeredTo })
      .from(chats)
      .where(eq(chats.status, 'queued'))
      .orderBy(asc(chats.createdAt), asc(chats.id)),
  );
  const handleSeconds = await recentHandleTimeSeconds(db, now);
  const operators = await availableOperators(db, now);
  const taking = new Set(operators.map((o) => o.userId));
  const pools = new Map(CHAT_CLASSES.map((chatClass) => [chatClass, poolOf(operators, chatClass)]));
  const places = new Map<string, QueuePlace & { recipient: Recipient | null }>();
  // Chats so far of each class, and of those the ones with no operator yet: what stands before a chat.
  const seen = new Map<ChatClass, { all: number; unserved: number }>(CHAT_CLASSES.map((c) => [c, { all: 0, unserved: 0 }]));
  const before = (competing: Set<ChatClass>, key: 'all' | 'unserved') => [...competing].reduce((sum, c) => sum + (seen.get(c)?.[key] ?? 0), 0);
  for (const chat of waiting) {
    const pool = pools.get(chat.class) ?? poolOf([], chat.class);
    const base = { recipient: participantOf(chat), position: before(pool.competing, 'all') + 1, handleSeconds, servingPlaces: pool.servingPlaces };
    const counts = seen.get(chat.class) ?? { all: 0, unserved: 0 };
    seen.set(chat.class, counts);
    counts.all += 1;
    if (chat.offeredTo && taking.has(chat.offeredTo)) {
      places.set(chat.id, { ...base, outlook: 'now', etaSeconds: 0, ahead: 0 });
      continue;
    }
    const ahead = before(pool.competing, 'unserved');
    counts.unserved += 1;
    if (pool.servingPlaces === 0) places.set(chat.id, { ...base, outlook: 'noOperators', etaSeconds: null, ahead });
    else if (ahead < pool.freePlaces) places.set(chat.id, { ...base, outlook: 'now', etaSeconds: 0, ahead });
    else places.set(chat.id, { ...base, outlook: 'estimate', etaSeconds: Math.ceil(((ahead - pool.freePlaces + 1) * handleSeconds) / pool.servingPlaces), ahead });
  }
  return { places, length: waiting.length };
}

/** The operators available for a class: their places, free places, and the classes that compete with it for them. */
function poolOf(operators: AvailableOperator[], chatClass: ChatClass): { servingPlaces: number; freePlaces: number; competing: Set<ChatClass> } {
  const serving = operators.filter((o) => servesClass(o.serves, chatClass));
  return {
    servingPlaces: serving.reduce((sum, o) => sum + o.capacity, 0),
    freePlaces: serving.reduce((sum, o) => sum + Math.max(0, o.capacity - o.load), 0),
    // Nobody serves it now: its place in the whole queue, as whoever comes may serve both.
    competing: new Set(serving.length === 0 ? CHAT_CLASSES : CHAT_CLASSES.filter((c) => c === chatClass || serving.some((o) => servesClass(o.serves, c)))),
  };
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
