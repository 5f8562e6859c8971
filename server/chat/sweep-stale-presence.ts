import type { VerbContext } from '@/server/context';
import { changePresence, stalePresences } from './operator-presence';
import { routeWaitingChats, routingTransaction } from './route-waiting-chats';
import { routingContext } from './routing-context';

/** Operators whose heartbeat stopped go offline (their offers then time out and move on). */
export async function sweepStalePresence({ ctx }: { ctx: VerbContext }): Promise<number> {
  return routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const stale = await stalePresences(tx, now);
    for (const userId of stale) await changePresence(tx, emitter, userId, { status: { to: 'offline', why: { reason: 'heartbeat' } } }, now);
    if (stale.length > 0) await routeWaitingChats(tx, emitter, routingContext(ctx));
    return stale.length;
  });
}
