import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { holdClusterLock, type Db, type Tx } from '@/db/client';
import { chatOffers, chats } from '@/db/schema';
import type { Clock, Scheduler } from '@/server/context';
import { changeAndPublish, type Emitter } from '@/server/realtime/change-and-publish';
import type { EventBus } from '@/server/realtime/event-bus';
import { availableOperators, type AvailableOperator } from './available-operators';
import { byDeadline, servesClass } from './class-targets';
import { offerTimeoutMs } from './offer-timeout';
import { changePresence } from './operator-presence';
import { publishQueueState } from './queue-state';
import { operatorRecipient } from '@/server/realtime/events';

export interface RoutingContext {
  clock: Clock;
  scheduler: Scheduler;
  /** Called when an offer expires; set by the caller so routing does not import the verbs that use it. */
  onOfferExpired: (chatId: string) => Promise<unknown>;
}

/**
 * The transaction of a verb that routes, or that counts an operator's chats against their
 * capacity (accepting, transferring): changeAndPublish with the routing lock taken as its FIRST
 * statement. Counting and then writing is only right if nobody else counts meanwhile: on
 * PostgreSQL two such transactions at once would each see the other's operator as free (two
 * accepts past a capacity of one, two transfers to the last free place, one chat offered by two
 * routings). Taken first, before any row is locked, it keeps one lock order (routing → rows →
 * audit chain → event log): taken inside routeWaitingChats, after the verb had locked a chat
 * row another routing transaction wanted, it could deadlock. On SQLite it is nothing (one writer).
 */
export function routingTransaction<T>(ctx: { db: Db; bus: EventBus; clock: Clock }, fn: (tx: Tx, emitter: Emitter) => Promise<T>): Promise<T> {
  return changeAndPublish(ctx, async (tx, emitter) => {
    await holdClusterLock(tx, 'routing');
    return fn(tx, emitter);
  });
}

/**
 * Offers waiting chats, earliest deadline first (arrival + its class's target, server/chat/class-targets.ts;
 * ties: the earlier arrival, then the id), each to the available operator who serves its class
 * (operator_presence.serves) with the fewest chats below their capacity (ties: the longest idle).
 * Among equally loaded operators one who serves only this class goes before one who serves both,
 * so a chat of the other class behind it still finds someone. A chat whose class no free operator
 * serves waits, and the chats behind it go on being offered. Operators who let this chat's offer
 * expire come last for it — but when everyone available has missed it, it goes round again rather than waiting
 * for good (an operator who misses three offers is set away). Runs inside the transaction of
 * whatever freed capacity or queued a chat: a routingTransaction, which holds the routing lock.
 */
export async function routeWaitingChats(tx: Tx, emitter: Emitter, ctx: RoutingContext): Promise<number> {
  const now = ctx.clock.now();
  const waiting = await tx
    .select({ id: chats.id, class: chats.class, createdAt: chats.createdAt })
    .from(chats)
    .where(and(eq(chats.status, 'queued'), isNull(chats.offeredTo)))
    .orderBy(asc(chats.createdAt), asc(chats.id))
    .then(byDeadline);
  let offered = 0;
  if (waiting.length > 0) {
    const operators = (await availableOperators(tx, now)).filter((o) => o.load < o.capacity);
    for (const chat of waiting) {
      if (operators.length === 0) break;
      const serving = operators.filter((o) => servesClass(o.serves, chat.class));
      if (serving.length === 0) continue;
      const misses = new Map<string, number>();
      const missed = await tx
        .select({ operatorId: chatOffers.operatorId })
        .from(chatOffers)
        .where(and(eq(chatOffers.chatId, chat.id), inArray(chatOffers.outcome, ['missed'])));
      for (const r of missed) misses.set(r.operatorId, (misses.get(r.operatorId) ?? 0) + 1);
      const missesOf = (o: AvailableOperator) => misses.get(o.userId) ?? 0;
      const generalist = (o: AvailableOperator) => (o.serves === 'both' ? 1 : 0);
      const pick = serving.sort((a, b) => missesOf(a) - missesOf(b) || a.load - b.load || generalist(a) - generalist(b) || a.idleSince - b.idleSince || a.userId.localeCompare(b.userId))[0];
      if (!pick) continue;
      const expiresAt = new Date(now.getTime() + offerTimeoutMs());
      await tx.update(chats).set({ offeredTo: pick.userId, offerExpiresAt: expiresAt }).where(eq(chats.id, chat.id));
      await tx.insert(chatOffers).values({ chatId: chat.id, operatorId: pick.userId, offeredAt: now, expiresAt });
      await changePresence(tx, emitter, pick.userId, { busySince: true }, now);
      await emitter.emit({ type: 'chat.offered', chatId: chat.id, audience: [operatorRecipient(pick.userId)], payload: { chatId: chat.id, expiresAt: expiresAt.toISOString() } });
      ctx.scheduler.at(expiresAt, `offer:${chat.id}`, () => ctx.onOfferExpired(chat.id));
      pick.load += 1;
      pick.idleSince = now.getTime();
      if (pick.load >= pick.capacity) operators.splice(operators.indexOf(pick), 1);
      offered += 1;
    }
  }
  await publishQueueState(tx, emitter, now);
  return offered;
}
