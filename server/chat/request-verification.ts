import { eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { visitors } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { invalid, notFound } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { visitorRecipient } from '@/server/realtime/events';
import { appendMessage, systemMessage } from './append-message';
import { getChatForActor } from './chat-access';
import { assertChatStatus } from './chat-transitions';

/**
 * Step-up: before discussing an account, the operator asks the widget's guest to prove their
 * number. The widget is told (`chat.verificationRequested`), and the chat shows it to both sides.
 */
export async function requestVerification({ ctx, input }: { ctx: SignedInContext; input: { chatId: string } }): Promise<void> {
  await changeAndPublish(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = await getChatForActor(tx, ctx.actor, input.chatId);
    if (chat.operatorId !== ctx.actor.id) throw notFound('Chat');
    if (chat.class !== 'subscriber' || !chat.visitorId) throw invalid('errors.notASubscriberChat', 'Only a subscriber’s chat through the widget is asked to verify');
    assertChatStatus(chat, ['active'], 'ask to verify');
    const visitor = await first(tx.select({ verifiedBy: visitors.verifiedBy }).from(visitors).where(eq(visitors.id, chat.visitorId)));
    if (!visitor) throw notFound('Visitor');
    if (visitor.verifiedBy) throw invalid('errors.visitorAlreadyVerified', 'The subscriber has already proven their number');
    await appendMessage(tx, emitter, chat, systemMessage('verificationRequested', { name: ctx.actor.name }), now);
    await emitter.emit({ type: 'chat.verificationRequested', chatId: chat.id, audience: [visitorRecipient(chat.visitorId)], payload: { chatId: chat.id } });
    await writeAuditEvent(tx, { at: now, ...auditActor(ctx.actor), action: 'chat.requestVerification', entityType: 'chat', entityId: chat.id, data: {} });
  });
}
