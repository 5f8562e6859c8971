import type { VerbContext } from '@/server/context';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { changePresence, stalePresences } from './operator-presence';
import { routeWaitingChats } from './route-waiting-chats';
import { routingContext } from './routing-context';

/** Operators whose heartbeat stopped go offline (their offers then time out and move on). */
export function sweepStalePresence({ ctx }: { ctx: VerbContext }): number {
  return changeAndPublish(ctx, (tx, emitter) => {
    const now = ctx.clock.now();
    const stale = stalePresences(tx, now);
    for (const userId of stale) changePresence(tx, emitter, userId, { status: { to: 'offline', why: { reason: 'heartbeat' } } }, now);
    if (stale.length > 0) routeWaitingChats(tx, emitter, routingContext(ctx));
    return stale.length;
  });
}
