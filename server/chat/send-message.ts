import { and, eq, sql } from 'drizzle-orm';
import { preparedQuery } from '@/db/prepared';
import { chatMessages } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { appendMessage } from './append-message';
import { getChatForActor, mayWriteChat } from './chat-access';
import { assertChatStatus } from './chat-transitions';
import { loadMessages } from './load-messages';
import type { MessageDto } from './schemas';

const messageByClientId = preparedQuery((db) =>
  db
    .select({ seq: chatMessages.seq })
    .from(chatMessages)
    .where(and(eq(chatMessages.chatId, sql.placeholder('chatId')), eq(chatMessages.clientId, sql.placeholder('clientId'))))
    .prepare(),
);

/**
 * Sends a text. The client's id makes it idempotent: a retry after a dropped connection returns
 * the message already stored instead of storing it twice. The dealer may write while waiting.
 */
export async function sendMessage({ ctx, input }: { ctx: SignedInContext; input: { chatId: string; clientId: string; text: string } }): Promise<MessageDto> {
  return changeAndPublish(ctx, async (tx, emitter) => {
    const chat = await getChatForActor(tx, ctx.actor, input.chatId);
    const existing = await messageByClientId(tx).get({ chatId: chat.id, clientId: input.clientId });
    if (existing) {
      const [message] = await loadMessages(tx, ctx.actor, chat.id, { seq: existing.seq });
      if (message) return message;
    }
    if (!mayWriteChat(ctx.actor, chat)) throw notFound('Chat');
    assertChatStatus(chat, ctx.actor.role === 'dealer' ? ['queued', 'active'] : ['active'], 'send a message');
    return appendMessage(tx, emitter, chat, { kind: 'text', author: ctx.actor, body: input.text, clientId: input.clientId }, ctx.clock.now());
  });
}
