import { visitors } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { routingTransaction } from '@/server/chat/route-waiting-chats';
import { queueSubscriberChat } from '@/server/widget/start-widget-chat';
import type { SimulationWorld } from './run-session';

/**
 * A subscriber's chat from the widget, as the simulation makes one: a guest visitor and its chat
 * queued by the widget's own step (`queueSubscriberChat`), routed at once. The simulation skips
 * the widget's session and business hours, which a virtual-time run has no use for.
 */
export async function startSubscriberChat(world: SimulationWorld, topic: string | null): Promise<{ chatId: string }> {
  const ctx = { db: world.db, actor: null, clock: world.clock, bus: world.bus, scheduler: world.scheduler };
  return routingTransaction(ctx, async (tx, emitter) => {
    const [visitor] = await tx.insert(visitors).values({ createdAt: world.clock.now() }).returning({ id: visitors.id });
    if (!visitor) throw new Error('no visitor inserted');
    return { chatId: await queueSubscriberChat(tx, emitter, ctx, { visitorId: visitor.id, topic, actor: auditActor(null) }) };
  });
}
