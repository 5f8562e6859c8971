import { asc, count } from 'drizzle-orm';
import { dealers, pointsOfSale, users } from '@/db/schema';
import type { VerbContext } from '@/server/context';
import type { DealerDto } from './schemas';

export function listDealers({ ctx }: { ctx: VerbContext }): DealerDto[] {
  const posCounts = ctx.db
    .select({ dealerId: pointsOfSale.dealerId, n: count() })
    .from(pointsOfSale)
    .groupBy(pointsOfSale.dealerId)
    .all();
  const userCounts = ctx.db.select({ dealerId: users.dealerId, n: count() }).from(users).groupBy(users.dealerId).all();
  const posBy = new Map(posCounts.map((r) => [r.dealerId, r.n]));
  const usersBy = new Map(userCounts.map((r) => [r.dealerId, r.n]));
  return ctx.db
    .select()
    .from(dealers)
    .orderBy(asc(dealers.name))
    .all()
    .map((d) => ({ ...d, pointsOfSale: posBy.get(d.id) ?? 0, users: usersBy.get(d.id) ?? 0 }));
}
