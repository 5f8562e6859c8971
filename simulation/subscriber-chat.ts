import { chats, visitors } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { chatAudience } from '@/server/chat/chat-access';
import { routeWaitingChats, routingTransaction } from '@/server/chat/route-waiting-chats';
import { routingContext } from '@/server/chat/routing-context';
import type { SimulationWorld } from './run-session';

/**
 * A subscriber's chat from the widget, as the simulation makes one: a guest visitor and a queued
 * chat of class 'subscriber', routed at once — the same transaction the widget's start verb
 * (server/widget/) ends with: the routing lock first, the chat row, its audit event and
 * `chat.created`, then routing. The simulation calls this rather than the widget's HTTP API
 * (a bearer-token session and an origin check that a virtual-time run has no use for).
 */
export async function startSubscriberChat(world: SimulationWorld, topic: string | null): Promise<{ chatId: string }> {
  const ctx = { db: world.db, actor: null, clock: world.clock, bus: world.bus, scheduler: world.scheduler };
  return routingTransaction(ctx, async (tx, emitter) => {
    const now = world.clock.now();
    const [visitor] = await tx.insert(visitors).values({ createdAt: now }).returning({ id: visitors.id });
    if (!visitor) throw new Error('no visitor inserted');
    const [chat] = await tx.insert(chats).values({ class: 'subscriber', visitorId: visitor.id, topic, createdAt: now }).returning();
    if (!chat) throw new Error('no subscriber chat inserted');
    await writeAuditEvent(tx, { at: now, ...auditActor(null), action: 'chat.start', entityType: 'chat', entityId: chat.id, data: { topic, class: 'subscriber' } });
    await emitter.emit({ type: 'chat.created', ...chatAudience(chat, { allOperators: true }), payload: { chatId: chat.id } });
    await routeWaitingChats(tx, emitter, routingContext(ctx));
    return { chatId: chat.id };
  });
}
