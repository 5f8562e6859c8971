import type { OperatorStatus } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { changePresence, ensurePresence } from './operator-presence';
import { routeWaitingChats, routingTransaction } from './route-waiting-chats';
import { routingContext } from './routing-context';

/**
 * available: takes chats; wrap_up: finishing current chats, no new ones; away / offline: none.
 * Going available counts as a heartbeat and drains the queue at once.
 */
export async function setOperatorStatus({ ctx, input }: { ctx: SignedInContext; input: { status: OperatorStatus } }) {
  return routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    await ensurePresence(tx, ctx.actor.id, now);
    const available = input.status === 'available';
    const presence = await changePresence(tx, emitter, ctx.actor.id, { status: { to: input.status }, heartbeat: true, ...(available ? { missedOffers: 'reset', busySince: true } : {}) }, now);
    await routeWaitingChats(tx, emitter, routingContext(ctx));
    return { status: presence?.status ?? input.status };
  });
}
