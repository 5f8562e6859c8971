import type { SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import { appendMessage, systemMessage } from './append-message';
import { chatAudience, getChatForActor, mayWriteChat } from './chat-access';
import { moveChat } from './chat-transitions';
import { changePresence } from './operator-presence';
import { routeWaitingChats, routingTransaction } from './route-waiting-chats';
import { routingContext } from './routing-context';

/** The operator (or the dealer) ends the conversation; the freed slot goes at once to the next waiting chat. */
export async function closeChat({ ctx, input }: { ctx: SignedInContext; input: { chatId: string } }): Promise<void> {
  await routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = await getChatForActor(tx, ctx.actor, input.chatId);
    if (!mayWriteChat(ctx.actor, chat)) throw notFound('Chat');
    await appendMessage(tx, emitter, chat, systemMessage('closed', { name: ctx.actor.name }), now);
    const closed = await moveChat(tx, chat, 'close', ctx.actor, { closedAt: now, closedBy: ctx.actor.id }, now);
    if (closed.operatorId) {
      await changePresence(tx, emitter, closed.operatorId, { busySince: true }, now);
    }
    await emitter.emit({ type: 'chat.status', ...chatAudience(closed), payload: { chatId: chat.id, status: 'closed' } });
    await routeWaitingChats(tx, emitter, routingContext(ctx));
  });
}
