import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { first } from '@/db/client';
import { chatMessages } from '@/db/schema';
import { appendMessage } from '@/server/chat/append-message';
import { assertChatStatus } from '@/server/chat/chat-transitions';
import { loadVisitorMessages } from '@/server/chat/load-messages';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import type { widgetMessageDto, widgetSendInput } from './schemas';
import { getChatForVisitor, visitorAuthor } from './widget-chat-access';
import type { VisitorContext } from './widget-context';

/**
 * The visitor writes, while waiting or with an operator. Idempotent on the widget's clientId:
 * messages typed offline are sent on reconnect with their ids, and a retry returns the stored one.
 */
export async function sendVisitorMessage({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof widgetSendInput> }): Promise<z.output<typeof widgetMessageDto>> {
  const { visitor } = ctx.widgetSession;
  return changeAndPublish(ctx, async (tx, emitter) => {
    const chat = await getChatForVisitor(tx, visitor.id, input.chatId);
    const existing = await first(tx.select({ seq: chatMessages.seq }).from(chatMessages).where(and(eq(chatMessages.chatId, chat.id), eq(chatMessages.clientId, input.clientId))));
    if (existing) {
      const [message] = await loadVisitorMessages(tx, chat.id, { seq: existing.seq });
      if (message) return message;
    }
    assertChatStatus(chat, ['queued', 'active'], 'send a message');
    return appendMessage(tx, emitter, chat, { kind: 'text', author: visitorAuthor(visitor), visitorId: visitor.id, body: input.body, clientId: input.clientId }, ctx.clock.now());
  });
}
