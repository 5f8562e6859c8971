import { and, count, eq } from 'drizzle-orm';
import { chats, operatorPresence, users } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { conflict, invalid, notFound } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { appendMessage, systemMessage } from './append-message';
import { chatAudience, getChatForActor } from './chat-access';
import { assertChatStatus } from './chat-transitions';
import { routeWaitingChats } from './route-waiting-chats';
import { routingContext } from './routing-context';
import { operatorRecipient } from '@/server/realtime/events';

/**
 * Hands an active chat to another operator who is online and below capacity, with a note only
 * operators see. The dealer sees that the chat was transferred.
 */
export function transferChat({ ctx, input }: { ctx: SignedInContext; input: { chatId: string; toOperatorId: string; note: string } }): void {
  const { actor } = ctx;
  changeAndPublish(ctx, (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = getChatForActor(tx, actor, input.chatId);
    if (chat.operatorId !== actor.id) throw notFound('Chat');
    assertChatStatus(chat, ['active'], 'transfer');
    if (input.toOperatorId === actor.id) throw invalid('errors.transferToSelf', 'Choose another operator');
    const target = tx
      .select({ id: users.id, name: users.name, status: operatorPresence.status, capacity: operatorPresence.capacity })
      .from(users)
      .innerJoin(operatorPresence, eq(operatorPresence.userId, users.id))
      .where(and(eq(users.id, input.toOperatorId), eq(users.role, 'operator'), eq(users.active, true)))
      .get();
    if (!target) throw notFound('Operator');
    if (target.status === 'offline' || target.status === 'away') throw conflict('errors.operatorUnavailable', `${target.name} is ${target.status}`);
    const load = tx.select({ n: count() }).from(chats).where(and(eq(chats.operatorId, target.id), eq(chats.status, 'active'))).get()?.n ?? 0;
    if (load >= target.capacity) throw conflict('errors.operatorAtCapacity', `${target.name} has no free slot`);

    tx.update(chats).set({ operatorId: target.id }).where(eq(chats.id, chat.id)).run();
    writeAuditEvent(tx, { at: now, ...auditActor(actor), action: 'chat.transfer', entityType: 'chat', entityId: chat.id, data: { from: actor.id, to: target.id } });
    // The previous operator is told once, then the chat's events go to the new one.
    emitter.emit({ type: 'chat.transferredAway', chatId: chat.id, audience: [operatorRecipient(actor.id)], payload: { chatId: chat.id, to: target.name } });
    chat.operatorId = target.id;
    if (input.note) appendMessage(tx, emitter, chat, { kind: 'note', author: actor, body: input.note }, now);
    appendMessage(tx, emitter, chat, systemMessage('transferred', { from: actor.name, to: target.name }), now);
    emitter.emit({ type: 'chat.status', ...chatAudience(chat), payload: { chatId: chat.id, status: 'active', operatorId: target.id, operatorName: target.name } });
    routeWaitingChats(tx, emitter, routingContext(ctx));
  });
}
