import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { OperatorServes } from '@/db/column-values';
import { chats, operatorPresence, users } from '@/db/schema';
import { hasLiveHeartbeat } from './operator-presence';

export interface AvailableOperator {
  userId: string;
  capacity: number;
  /** Active chats plus chats being offered to them. */
  load: number;
  idleSince: number;
  /** Which class of chats they take (operator_presence.serves). */
  serves: OperatorServes;
}

/** Available operators with a live heartbeat, and how many chats each has or is being offered. */
export async function availableOperators(db: DbOrTx, now: Date): Promise<AvailableOperator[]> {
  const rows = await db
    .select({
      userId: operatorPresence.userId,
      capacity: operatorPresence.capacity,
      idleSince: operatorPresence.idleSince,
      serves: operatorPresence.serves,
      active: sql<number>`(select count(*) from ${chats} c where c.operator_id = ${operatorPresence.userId} and c.status = 'active')`.mapWith(Number),
      offered: sql<number>`(select count(*) from ${chats} c where c.offered_to = ${operatorPresence.userId} and c.status = 'queued')`.mapWith(Number),
    })
    .from(operatorPresence)
    .innerJoin(users, eq(users.id, operatorPresence.userId))
    .where(and(eq(operatorPresence.status, 'available'), eq(users.active, true), hasLiveHeartbeat(now)));
  return rows.map((r) => ({ userId: r.userId, capacity: r.capacity, load: r.active + r.offered, idleSince: r.idleSince?.getTime() ?? 0, serves: r.serves }));
}
