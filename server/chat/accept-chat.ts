import { and, count, eq } from 'drizzle-orm';
import { chatOffers, chats, operatorPresence } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { conflict, notFound } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { appendMessage, systemMessage } from './append-message';
import { chatAudience } from './chat-access';
import { moveChat } from './chat-transitions';
import { changePresence } from './operator-presence';
import { routeWaitingChats } from './route-waiting-chats';
import { routingContext } from './routing-context';
import { operatorRecipient } from '@/server/realtime/events';

/**
 * An operator takes a waiting chat: the one offered to them, or any chat from the queue while
 * they are below capacity (an offer to someone else is then withdrawn).
 */
export function acceptChat({ ctx, input }: { ctx: SignedInContext; input: { chatId: string } }): void {
  const { actor } = ctx;
  changeAndPublish(ctx, (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = tx.select().from(chats).where(eq(chats.id, input.chatId)).get();
    if (!chat) throw notFound('Chat');
    const presence = tx.select().from(operatorPresence).where(eq(operatorPresence.userId, actor.id)).get();
    if (!presence || presence.status === 'offline') throw conflict('errors.operatorOffline', 'Go online before accepting chats');
    const active = tx.select({ n: count() }).from(chats).where(and(eq(chats.operatorId, actor.id), eq(chats.status, 'active'))).get()?.n ?? 0;
    if (active >= presence.capacity) throw conflict('errors.atCapacity', `You already have ${active} chats, your capacity is ${presence.capacity}`);

    const previousOffer = chat.offeredTo;
    const accepted = moveChat(tx, chat, 'accept', actor, { operatorId: actor.id, acceptedAt: now, offeredTo: null, offerExpiresAt: null }, now);
    tx.update(chatOffers)
      .set({ outcome: 'withdrawn' })
      .where(and(eq(chatOffers.chatId, chat.id), eq(chatOffers.outcome, 'pending')))
      .run();
    if (previousOffer === actor.id) {
      tx.update(chatOffers)
        .set({ outcome: 'accepted' })
        .where(and(eq(chatOffers.chatId, chat.id), eq(chatOffers.operatorId, actor.id), eq(chatOffers.outcome, 'withdrawn')))
        .run();
    } else if (previousOffer) {
      emitter.emit({ type: 'chat.offerWithdrawn', chatId: chat.id, audience: [operatorRecipient(previousOffer)], payload: { chatId: chat.id, reason: 'taken' } });
    }
    changePresence(tx, emitter, actor.id, { missedOffers: 'reset' }, now);
    appendMessage(tx, emitter, accepted, systemMessage('joined', { name: actor.name }), now);
    emitter.emit({
      type: 'chat.status',
      ...chatAudience(accepted, { allOperators: true }),
      payload: { chatId: chat.id, status: 'active', operatorId: actor.id, operatorName: actor.name },
    });
    routeWaitingChats(tx, emitter, routingContext(ctx));
  });
}
