import { eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { pointsOfSale } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { appendMessage } from './append-message';
import { getChatForActor, mayWriteChat } from './chat-access';
import { chatLanguage, type ChatLanguage } from './chat-language';
import { assertChatStatus } from './chat-transitions';
import type { MessageDto } from './schemas';

const INTRO: Record<ChatLanguage, string> = {
  uk: 'Найближча точка продажу, де можна підписати заяву:',
  en: 'The nearest point of sale where you can sign an application:',
};

/** The message's text, in the chat's language: the point's name, town and address. */
export const pointOfSaleText = (point: { name: string; town: string; address: string }, language: ChatLanguage) =>
  `${INTRO[language]}\n${point.name}\n${point.town}, ${point.address}`;

/**
 * Points the subscriber to a point of sale for what needs a signed application: the operator's
 * message in the chat (so it reaches the visitor like any other), audited.
 */
export async function sendPointOfSale({ ctx, input }: { ctx: SignedInContext; input: { chatId: string; pointOfSaleId: string } }): Promise<MessageDto> {
  return changeAndPublish(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = await getChatForActor(tx, ctx.actor, input.chatId);
    if (!mayWriteChat(ctx.actor, chat)) throw notFound('Chat');
    assertChatStatus(chat, ['active'], 'send a point of sale');
    const point = await first(tx.select().from(pointsOfSale).where(eq(pointsOfSale.id, input.pointOfSaleId)));
    if (!point) throw notFound('Point of sale');
    const body = pointOfSaleText(point, await chatLanguage(tx, chat));
    const message = await appendMessage(tx, emitter, chat, { kind: 'text', author: ctx.actor, body }, now);
    await writeAuditEvent(tx, {
      at: now,
      ...auditActor(ctx.actor),
      action: 'chat.sendPointOfSale',
      entityType: 'chat',
      entityId: chat.id,
      data: { pointOfSaleId: point.id },
    });
    return message;
  });
}
