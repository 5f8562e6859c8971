import { and, count, eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { chats, operatorPresence, users } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { conflict, invalid, notFound } from '@/server/errors/domain-error';
import { servesClass } from './class-targets';
import { appendMessage, systemMessage } from './append-message';
import { chatAudience, getChatForActor } from './chat-access';
import { assertChatStatus } from './chat-transitions';
import { routeWaitingChats, routingTransaction } from './route-waiting-chats';
import { routingContext } from './routing-context';
import { operatorRecipient } from '@/server/realtime/events';

/**
 * Hands an active chat to another operator who is online, below capacity and takes chats of its
 * class (operator_presence.serves), with a note only
 * operators see. The dealer sees that the chat was transferred.
 */
export async function transferChat({ ctx, input }: { ctx: SignedInContext; input: { chatId: string; toOperatorId: string; note: string } }): Promise<void> {
  const { actor } = ctx;
  await routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = await getChatForActor(tx, actor, input.chatId);
    if (chat.operatorId !== actor.id) throw notFound('Chat');
    assertChatStatus(chat, ['active'], 'transfer');
    if (input.toOperatorId === actor.id) throw invalid('errors.transferToSelf', 'Choose another operator');
    const target = await first(
      tx
        .select({ id: users.id, name: users.name, status: operatorPresence.status, capacity: operatorPresence.capacity, serves: operatorPresence.serves })
        .from(users)
        .innerJoin(operatorPresence, eq(operatorPresence.userId, users.id))
        .where(and(eq(users.id, input.toOperatorId), eq(users.role, 'operator'), eq(users.active, true))),
    );
    if (!target) throw notFound('Operator');
    if (target.status === 'offline' || target.status === 'away') throw conflict('errors.operatorUnavailable', `${target.name} is ${target.status}`);
    if (!servesClass(target.serves, chat.class)) throw conflict('errors.operatorServesOtherClass', `${target.name} does not take ${chat.class} chats`);
    const load = (await first(tx.select({ n: count() }).from(chats).where(and(eq(chats.operatorId, target.id), eq(chats.status, 'active')))))?.n ?? 0;
    if (load >= target.capacity) throw conflict('errors.operatorAtCapacity', `${target.name} has no free slot`);

    await tx.update(chats).set({ operatorId: target.id }).where(eq(chats.id, chat.id));
    await writeAuditEvent(tx, { at: now, ...auditActor(actor), action: 'chat.transfer', entityType: 'chat', entityId: chat.id, data: { from: actor.id, to: target.id } });
    // The previous operator is told once, then the chat's events go to the new one.
    await emitter.emit({ type: 'chat.transferredAway', chatId: chat.id, audience: [operatorRecipient(actor.id)], payload: { chatId: chat.id, to: target.name } });
    chat.operatorId = target.id;
    if (input.note) await appendMessage(tx, emitter, chat, { kind: 'note', author: actor, body: input.note }, now);
    await appendMessage(tx, emitter, chat, systemMessage('transferred', { from: actor.name, to: target.name }), now);
    await emitter.emit({ type: 'chat.status', ...chatAudience(chat), payload: { chatId: chat.id, status: 'active', operatorId: target.id, operatorName: target.name } });
    await routeWaitingChats(tx, emitter, routingContext(ctx));
  });
}
