import { and, asc, count, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { chats, operatorPresence, users } from '@/db/schema';
import type { VerbContext } from '@/server/context';
import { CHAT_LIMITS } from './chat-config';
import { liveHeartbeatSince } from './operator-presence';

/** How many active chats each operator has now. */
export async function activeChatLoads(db: DbOrTx): Promise<Map<string | null, number>> {
  const rows = await db.select({ operatorId: chats.operatorId, n: count() }).from(chats).where(eq(chats.status, 'active')).groupBy(chats.operatorId);
  return new Map(rows.map((r) => [r.operatorId, r.n]));
}

/**
 * Every active operator with presence, capacity and current load (for admins). An operator whose
 * heartbeat went silent counts as offline at once, before the sweep records it.
 */
export async function listOperators({ ctx }: { ctx: VerbContext }) {
  const loads = await activeChatLoads(ctx.db);
  const liveSince = liveHeartbeatSince(ctx.clock.now()).getTime();
  const operators = await ctx.db
    .select({ id: users.id, name: users.name, email: users.email, status: operatorPresence.status, capacity: operatorPresence.capacity, serves: operatorPresence.serves, lastHeartbeatAt: operatorPresence.lastHeartbeatAt })
    .from(users)
    .leftJoin(operatorPresence, eq(operatorPresence.userId, users.id))
    .where(and(eq(users.role, 'operator'), eq(users.active, true)))
    .orderBy(asc(users.name));
  return operators.map(({ lastHeartbeatAt, ...o }) => ({
    ...o,
    status: !o.status || (o.status !== 'offline' && (lastHeartbeatAt?.getTime() ?? 0) <= liveSince) ? ('offline' as const) : o.status,
    capacity: o.capacity ?? CHAT_LIMITS.defaultCapacity,
    serves: o.serves ?? ('both' as const),
    load: loads.get(o.id) ?? 0,
  }));
}
