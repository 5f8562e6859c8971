import { and, eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { chatOffers, chats } from '@/db/schema';
import type { VerbContext } from '@/server/context';
import { CHAT_LIMITS } from './chat-config';
import { changePresence } from './operator-presence';
import { routeWaitingChats, routingTransaction, type RoutingContext } from './route-waiting-chats';
import { operatorRecipient } from '@/server/realtime/events';

/**
 * An offer nobody accepted in time: the chat goes back to the queue and on to the next operator;
 * after three missed offers in a row the operator is set away, and the other chats still offered
 * to them go on to someone else at once. Does nothing if the offer was
 * already accepted, withdrawn or renewed (the timer may be stale).
 */
export async function expireOffer({ ctx, input }: { ctx: VerbContext; input: { chatId: string } }): Promise<boolean> {
  const { chatId } = input;
  return routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = await first(tx.select().from(chats).where(eq(chats.id, chatId)));
    if (!chat || chat.status !== 'queued' || !chat.offeredTo || !chat.offerExpiresAt || chat.offerExpiresAt > now) return false;
    const operatorId = chat.offeredTo;
    // Compare-and-set: of two processes expiring the same offer (its own timer and another's
    // sweep of the rows), one wins; the other finds the offer gone and does nothing.
    const taken = await tx
      .update(chats)
      .set({ offeredTo: null, offerExpiresAt: null })
      .where(and(eq(chats.id, chat.id), eq(chats.status, 'queued'), eq(chats.offeredTo, operatorId), eq(chats.offerExpiresAt, chat.offerExpiresAt)))
      .returning({ id: chats.id });
    if (taken.length === 0) return false;
    await tx
      .update(chatOffers)
      .set({ outcome: 'missed' })
      .where(and(eq(chatOffers.chatId, chat.id), eq(chatOffers.operatorId, operatorId), eq(chatOffers.outcome, 'pending')));
    const presence = await changePresence(tx, emitter, operatorId, { missedOffers: 'addOne' }, now);
    await emitter.emit({ type: 'chat.offerWithdrawn', chatId: chat.id, audience: [operatorRecipient(operatorId)], payload: { chatId: chat.id, reason: 'expired' } });
    if (presence && presence.missedOffers >= CHAT_LIMITS.maxMissedOffers && presence.status === 'available') {
      await changePresence(tx, emitter, operatorId, { status: { to: 'away', why: { reason: 'missedOffers', missedOffers: presence.missedOffers } } }, now);
      // Chats still offered to them go on now to someone who is there, not after their time-out.
      const stillOffered = await tx
        .update(chats)
        .set({ offeredTo: null, offerExpiresAt: null })
        .where(and(eq(chats.offeredTo, operatorId), eq(chats.status, 'queued')))
        .returning({ id: chats.id });
      for (const { id } of stillOffered) {
        await tx
          .update(chatOffers)
          .set({ outcome: 'withdrawn' })
          .where(and(eq(chatOffers.chatId, id), eq(chatOffers.operatorId, operatorId), eq(chatOffers.outcome, 'pending')));
        await emitter.emit({ type: 'chat.offerWithdrawn', chatId: id, audience: [operatorRecipient(operatorId)], payload: { chatId: id, reason: 'away' } });
      }
    }
    await routeWaitingChats(tx, emitter, routingContext(ctx));
    return true;
  });
}

/**
 * Routing needs the clock, the scheduler for offer time-outs, and what to do when one fires:
 * expire the offer, which routes again with this same context. Built here, beside the verb it
 * calls back (./routing-context.ts hands it to the other verbs), so no import runs in a circle.
 */
export function routingContext(ctx: VerbContext): RoutingContext {
  return {
    clock: ctx.clock,
    scheduler: ctx.scheduler,
    onOfferExpired: (chatId) => expireOffer({ ctx: { ...ctx, actor: null }, input: { chatId } }),
  };
}
