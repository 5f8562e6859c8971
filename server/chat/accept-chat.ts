import { and, count, eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { chatOffers, chats, operatorPresence } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { conflict, notFound } from '@/server/errors/domain-error';
import { appendMessage, systemMessage } from './append-message';
import { chatAudience } from './chat-access';
import { moveChat } from './chat-transitions';
import { changePresence } from './operator-presence';
import { routeWaitingChats, routingTransaction } from './route-waiting-chats';
import { routingContext } from './routing-context';
import { operatorRecipient } from '@/server/realtime/events';

/**
 * An operator takes a waiting chat: the one offered to them, or any chat from the queue while
 * they are below capacity (an offer to someone else is then withdrawn).
 */
export async function acceptChat({ ctx, input }: { ctx: SignedInContext; input: { chatId: string } }): Promise<void> {
  const { actor } = ctx;
  await routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = await first(tx.select().from(chats).where(eq(chats.id, input.chatId)));
    if (!chat) throw notFound('Chat');
    const presence = await first(tx.select().from(operatorPresence).where(eq(operatorPresence.userId, actor.id)));
    if (!presence || presence.status === 'offline') throw conflict('errors.operatorOffline', 'Go online before accepting chats');
    const active = (await first(tx.select({ n: count() }).from(chats).where(and(eq(chats.operatorId, actor.id), eq(chats.status, 'active')))))?.n ?? 0;
    if (active >= presence.capacity) throw conflict('errors.atCapacity', `You already have ${active} chats, your capacity is ${presence.capacity}`);

    const previousOffer = chat.offeredTo;
    const accepted = await moveChat(tx, chat, 'accept', actor, { operatorId: actor.id, acceptedAt: now, offeredTo: null, offerExpiresAt: null }, now);
    await tx
      .update(chatOffers)
      .set({ outcome: 'withdrawn' })
      .where(and(eq(chatOffers.chatId, chat.id), eq(chatOffers.outcome, 'pending')));
    if (previousOffer === actor.id) {
      await tx
        .update(chatOffers)
        .set({ outcome: 'accepted' })
        .where(and(eq(chatOffers.chatId, chat.id), eq(chatOffers.operatorId, actor.id), eq(chatOffers.outcome, 'withdrawn')));
    } else if (previousOffer) {
      await emitter.emit({ type: 'chat.offerWithdrawn', chatId: chat.id, audience: [operatorRecipient(previousOffer)], payload: { chatId: chat.id, reason: 'taken' } });
    }
    await changePresence(tx, emitter, actor.id, { missedOffers: 'reset' }, now);
    await appendMessage(tx, emitter, accepted, systemMessage('joined', { name: actor.name }), now);
    await emitter.emit({
      type: 'chat.status',
      ...chatAudience(accepted, { allOperators: true }),
      payload: { chatId: chat.id, status: 'active', operatorId: actor.id, operatorName: actor.name },
    });
    await routeWaitingChats(tx, emitter, routingContext(ctx));
  });
}
