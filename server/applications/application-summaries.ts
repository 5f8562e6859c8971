import { desc, eq, type SQL } from 'drizzle-orm';
import { alias, type DbOrTx } from '@/db/client';
import { applications, dealers, pointsOfSale, users } from '@/db/schema';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';

/** Applications as lists show them (newest first). */
export async function summaries(db: DbOrTx, where: SQL | undefined, limit = 200) {
  // Made per call: the tables are the process's dialect's only once the database is opened.
  const creator = alias(users, 'creator');
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      chatId: applications.chatId,
      templateId: applications.templateId,
      status: applications.status,
      version: applications.version,
      dealerName: dealers.name,
      posName: pointsOfSale.name,
      posTown: pointsOfSale.town,
      createdByName: creator.name,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(dealers, eq(dealers.id, applications.dealerId))
    .innerJoin(creator, eq(creator.id, applications.createdBy))
    .leftJoin(pointsOfSale, eq(pointsOfSale.id, applications.pointOfSaleId))
    .where(where)
    .orderBy(desc(applications.createdAt))
    .limit(limit);
  return rows.map(({ posName, posTown, ...r }) => ({ ...r, pointOfSale: pointOfSaleLabel(posName, posTown) }));
}
