import { asc, count } from 'drizzle-orm';
import { dealers, pointsOfSale, users } from '@/db/schema';
import type { VerbContext } from '@/server/context';
import type { DealerDto } from './schemas';

export async function listDealers({ ctx }: { ctx: VerbContext }): Promise<DealerDto[]> {
  const posCounts = await ctx.db.select({ dealerId: pointsOfSale.dealerId, n: count() }).from(pointsOfSale).groupBy(pointsOfSale.dealerId);
  const userCounts = await ctx.db.select({ dealerId: users.dealerId, n: count() }).from(users).groupBy(users.dealerId);
  const posBy = new Map(posCounts.map((r) => [r.dealerId, r.n]));
  const usersBy = new Map(userCounts.map((r) => [r.dealerId, r.n]));
  const rows = await ctx.db.select().from(dealers).orderBy(asc(dealers.name));
  return rows.map((d) => ({ ...d, pointsOfSale: posBy.get(d.id) ?? 0, users: usersBy.get(d.id) ?? 0 }));
}
