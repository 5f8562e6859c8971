import { asc, eq } from 'drizzle-orm';
import { dealers, pointsOfSale } from '@/db/schema';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';
import type { VerbContext } from '@/server/context';
import { TEMPLATES } from '@/templates';

/** What the queue's filters choose from: templates, dealer companies, their points of sale. */
export async function queueFilterOptions({ ctx }: { ctx: VerbContext }) {
  const { db } = ctx;
  const points = await db
    .select({ id: pointsOfSale.id, dealerId: pointsOfSale.dealerId, name: pointsOfSale.name, town: pointsOfSale.town })
    .from(pointsOfSale)
    .innerJoin(dealers, eq(dealers.id, pointsOfSale.dealerId))
    .orderBy(asc(pointsOfSale.town));
  return {
    templates: TEMPLATES.map((t) => ({ id: t.id, title: t.title, sensitive: t.sensitive })),
    dealers: await db.select({ id: dealers.id, name: dealers.name }).from(dealers).orderBy(asc(dealers.name)),
    pointsOfSale: points.map(({ name, town, ...p }) => ({ ...p, label: pointOfSaleLabel(name, town) ?? name })),
  };
}
