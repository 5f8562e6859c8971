import { asc, eq } from 'drizzle-orm';
import { dealers, pointsOfSale } from '@/db/schema';
import type { VerbContext } from '@/server/context';
import type { PointOfSaleDto } from './schemas';

/** Every point of sale, or one dealer company's. */
export async function listPointsOfSale({ ctx, input }: { ctx: VerbContext; input?: { dealerId?: string } }): Promise<PointOfSaleDto[]> {
  const query = ctx.db
    .select({
      id: pointsOfSale.id,
      dealerId: pointsOfSale.dealerId,
      dealerName: dealers.name,
      name: pointsOfSale.name,
      town: pointsOfSale.town,
      address: pointsOfSale.address,
      createdAt: pointsOfSale.createdAt,
    })
    .from(pointsOfSale)
    .innerJoin(dealers, eq(dealers.id, pointsOfSale.dealerId));
  const filtered = input?.dealerId ? query.where(eq(pointsOfSale.dealerId, input.dealerId)) : query;
  return filtered.orderBy(asc(dealers.name), asc(pointsOfSale.town), asc(pointsOfSale.name));
}
