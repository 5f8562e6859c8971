import { and, eq, inArray, ne } from 'drizzle-orm';
import { chats, operatorPresence, users } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { chatSummaries } from './chat-summaries';
import { activeChatLoads } from './list-operators';
import { ensurePresence } from './operator-presence';
import type { OperatorConsole } from './schemas';
import { first, inTransaction } from '@/db/client';

/** Everything the operator console shows: own presence, the queue, own active chats, colleagues for transfers. */
export async function getOperatorConsole({ ctx }: { ctx: SignedInContext }): Promise<OperatorConsole> {
  const now = ctx.clock.now();
  // A read: the presence row is written only the first time an operator opens the console.
  const presence =
    (await first(ctx.db.select().from(operatorPresence).where(eq(operatorPresence.userId, ctx.actor.id)))) ??
    (await inTransaction(ctx.db, (tx) => ensurePresence(tx, ctx.actor.id, now)));
  const queue = (await chatSummaries(ctx.db, ctx.actor, eq(chats.status, 'queued'), now, 200)).reverse();
  const mine = await chatSummaries(ctx.db, ctx.actor, and(eq(chats.operatorId, ctx.actor.id), eq(chats.status, 'active')), now);
  const colleagues = await ctx.db
    .select({ id: users.id, name: users.name, status: operatorPresence.status, capacity: operatorPresence.capacity })
    .from(users)
    .innerJoin(operatorPresence, eq(operatorPresence.userId, users.id))
    .where(and(eq(users.role, 'operator'), eq(users.active, true), ne(users.id, ctx.actor.id), inArray(operatorPresence.status, ['available', 'wrap_up'])));
  const loads = await activeChatLoads(ctx.db);
  return {
    status: presence.status,
    capacity: presence.capacity,
    missedOffers: presence.missedOffers,
    queue,
    chats: mine,
    colleagues: colleagues.map((c) => ({ ...c, load: loads.get(c.id) ?? 0 })),
  };
}
