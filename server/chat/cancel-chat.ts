import { and, eq } from 'drizzle-orm';
import { chatOffers } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { chatAudience, getChatForActor } from './chat-access';
import { moveChat } from './chat-transitions';
import { routeWaitingChats, routingTransaction } from './route-waiting-chats';
import { routingContext } from './routing-context';
import { operatorRecipient } from '@/server/realtime/events';

/** The dealer stops waiting: the chat counts as abandoned; an operator it was offered to loses the offer. */
export async function cancelChat({ ctx, input }: { ctx: SignedInContext; input: { chatId: string } }): Promise<void> {
  await routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = await getChatForActor(tx, ctx.actor, input.chatId);
    const offeredTo = chat.offeredTo;
    await moveChat(tx, chat, 'cancel', ctx.actor, { closedAt: now, closedBy: ctx.actor.id, offeredTo: null, offerExpiresAt: null }, now);
    if (offeredTo) {
      await tx.update(chatOffers).set({ outcome: 'withdrawn' }).where(and(eq(chatOffers.chatId, chat.id), eq(chatOffers.outcome, 'pending')));
      await emitter.emit({ type: 'chat.offerWithdrawn', chatId: chat.id, audience: [operatorRecipient(offeredTo)], payload: { chatId: chat.id, reason: 'cancelled' } });
    }
    await emitter.emit({ type: 'chat.status', ...chatAudience(chat, { allOperators: true }), payload: { chatId: chat.id, status: 'abandoned' } });
    await routeWaitingChats(tx, emitter, routingContext(ctx));
  });
}
