import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { chatOffers } from '@/db/schema';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { appendMessage, systemMessage } from '@/server/chat/append-message';
import { chatAudience } from '@/server/chat/chat-access';
import { moveChat } from '@/server/chat/chat-transitions';
import { changePresence } from '@/server/chat/operator-presence';
import { routeWaitingChats, routingTransaction } from '@/server/chat/route-waiting-chats';
import { routingContext } from '@/server/chat/routing-context';
import { visitorDisplayName } from '@/server/chat/visitor-author';
import { operatorRecipient } from '@/server/realtime/events';
import type { widgetChatIdInput } from './schemas';
import { getChatForVisitor, visitorAuditActor, visitorTransitionActor } from './widget-chat-access';
import type { VisitorContext } from './widget-context';

/**
 * The visitor ends the chat: a waiting one is abandoned (an operator it was offered to loses the
 * offer), one with an operator is closed (the operator's place goes to the next waiting chat).
 * Leaving a chat that is already over does nothing.
 */
export async function leaveChat({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof widgetChatIdInput> }): Promise<void> {
  const { visitor } = ctx.widgetSession;
  await routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = await getChatForVisitor(tx, visitor.id, input.chatId);
    if (chat.status === 'closed' || chat.status === 'abandoned') return;
    const actor = visitorTransitionActor(visitor);
    if (chat.status === 'queued') {
      const offeredTo = chat.offeredTo;
      await moveChat(tx, chat, 'cancel', actor, { closedAt: now, closedBy: visitor.id, offeredTo: null, offerExpiresAt: null }, now);
      if (offeredTo) {
        await tx.update(chatOffers).set({ outcome: 'withdrawn' }).where(and(eq(chatOffers.chatId, chat.id), eq(chatOffers.outcome, 'pending')));
        await emitter.emit({ type: 'chat.offerWithdrawn', chatId: chat.id, audience: [operatorRecipient(offeredTo)], payload: { chatId: chat.id, reason: 'cancelled' } });
      }
      await emitter.emit({ type: 'chat.status', ...chatAudience(chat, { allOperators: true }), payload: { chatId: chat.id, status: 'abandoned' } });
    } else {
      await appendMessage(tx, emitter, chat, systemMessage('closed', { name: visitorDisplayName(visitor) }), now);
      const closed = await moveChat(tx, chat, 'close', actor, { closedAt: now, closedBy: visitor.id }, now);
      if (closed.operatorId) await changePresence(tx, emitter, closed.operatorId, { busySince: true }, now);
      await emitter.emit({ type: 'chat.status', ...chatAudience(closed), payload: { chatId: chat.id, status: 'closed' } });
    }
    await writeAuditEvent(tx, { at: now, ...visitorAuditActor(visitor), action: 'chat.leave', entityType: 'chat', entityId: chat.id, data: { from: chat.status } });
    await routeWaitingChats(tx, emitter, routingContext(ctx));
  });
}
