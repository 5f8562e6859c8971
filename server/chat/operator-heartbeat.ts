import { inTransaction } from '@/db/client';
import type { OperatorStatus } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { changePresence, ensurePresence } from './operator-presence';

/** The console calls this every few seconds; a closed laptop stops calling and goes offline by itself. */
export async function heartbeat({ ctx }: { ctx: SignedInContext }): Promise<{ status: OperatorStatus }> {
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const presence = await ensurePresence(tx, ctx.actor.id, now);
    await changePresence(tx, null, ctx.actor.id, { heartbeat: true }, now);
    return { status: presence.status };
  });
}
