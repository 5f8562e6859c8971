import { chats } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { invalid } from '@/server/errors/domain-error';
import { chatAudience } from './chat-access';
import { routeWaitingChats, routingTransaction } from './route-waiting-chats';
import { routingContext } from './routing-context';

/** A dealer asks for an operator: the chat joins the queue and is offered at once if anyone is free. */
export async function startChat({ ctx, input }: { ctx: SignedInContext; input: { topic?: string } }): Promise<{ chatId: string }> {
  const { actor } = ctx;
  if (!actor.dealerId) throw invalid('errors.notADealer', 'Only a dealer representative of a dealer company can open a chat');
  const dealerId = actor.dealerId;
  return routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const [chat] = await tx
      .insert(chats)
      .values({ dealerId, pointOfSaleId: actor.pointOfSaleId, dealerUserId: actor.id, topic: input.topic || null, createdAt: now })
      .returning();
    if (!chat) throw new Error('the chat insert returned no row');
    await writeAuditEvent(tx, { at: now, ...auditActor(actor), action: 'chat.start', entityType: 'chat', entityId: chat.id, data: { topic: chat.topic } });
    await emitter.emit({ type: 'chat.created', ...chatAudience(chat, { allOperators: true }), payload: { chatId: chat.id } });
    await routeWaitingChats(tx, emitter, routingContext(ctx));
    return { chatId: chat.id };
  });
}
