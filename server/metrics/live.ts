import { asc, eq } from 'drizzle-orm';
import { alias } from '@/db/client';
import { chats, dealers, pointsOfSale, users } from '@/db/schema';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';
import { listOperators } from '@/server/chat/list-operators';
import type { SignedInContext } from '@/server/context';

/** The supervisor's live view: waiting chats with their wait, operators with status and load. */
export async function liveQueue({ ctx }: { ctx: SignedInContext }) {
  const now = ctx.clock.now();
  // Made per call: the tables are the process's dialect's only once the database is opened.
  const offeredTo = alias(users, 'offered_to');
  const rows = await ctx.db
    .select({ id: chats.id, createdAt: chats.createdAt, topic: chats.topic, dealerName: dealers.name, posName: pointsOfSale.name, posTown: pointsOfSale.town, offeredToName: offeredTo.name })
    .from(chats)
    .innerJoin(dealers, eq(dealers.id, chats.dealerId))
    .leftJoin(pointsOfSale, eq(pointsOfSale.id, chats.pointOfSaleId))
    .leftJoin(offeredTo, eq(offeredTo.id, chats.offeredTo))
    .where(eq(chats.status, 'queued'))
    .orderBy(asc(chats.createdAt));
  const waiting = rows.map(({ posName, posTown, ...c }) => ({ ...c, pointOfSale: pointOfSaleLabel(posName, posTown), waitSeconds: Math.max(0, Math.round((now.getTime() - c.createdAt.getTime()) / 1000)) }));
  const operators = (await listOperators({ ctx })).map(({ email: _email, ...o }) => o);
  const taking = operators.filter((o) => o.status === 'available');
  return {
    now,
    waiting,
    operators,
    summary: {
      waiting: waiting.length,
      longestWaitSeconds: waiting[0]?.waitSeconds ?? 0,
      available: taking.length,
      freeSlots: taking.reduce((s, o) => s + Math.max(0, o.capacity - o.load), 0),
      activeChats: operators.reduce((s, o) => s + o.load, 0),
    },
  };
}

export type LiveQueue = Awaited<ReturnType<typeof liveQueue>>;
