import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { dealers, pointsOfSale } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { POINT_OF_SALE_SEARCH, type PointOfSaleFound } from './subscriber-chat-schemas';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The town starts with what was typed, whatever its case. Both sides are lowered by the database
 * (PostgreSQL folds Cyrillic in lower(); SQLite's lower() folds only ASCII letters), and the typed
 * prefix is also tried as written in lower case, capitalised and in capitals, so «він», «Він» and
 * «ВІН» find «Вінниця» on SQLite too.
 */
export function townStartsWith(prefix: string): SQL {
  const lower = prefix.toLocaleLowerCase('uk');
  const variants = new Set([lower, lower.charAt(0).toLocaleUpperCase('uk') + lower.slice(1), prefix.toLocaleUpperCase('uk')]);
  const pattern = (text: string) => `${escapeLike(text)}%`;
  return or(
    sql`lower(${pointsOfSale.town}) like lower(${pattern(prefix)}) escape '\\'`,
    ...[...variants].map((v) => sql`${pointsOfSale.town} like ${pattern(v)} escape '\\'`),
  ) as SQL;
}

/** Points of sale (of active dealer companies) whose town starts with the typed text, for the operator to point a subscriber to. */
export async function searchPointsOfSale({ ctx, input }: { ctx: SignedInContext; input: { town: string } }): Promise<PointOfSaleFound[]> {
  return ctx.db
    .select({ id: pointsOfSale.id, name: pointsOfSale.name, town: pointsOfSale.town, address: pointsOfSale.address })
    .from(pointsOfSale)
    .innerJoin(dealers, eq(dealers.id, pointsOfSale.dealerId))
    .where(and(townStartsWith(input.town), eq(dealers.status, 'active')))
    .orderBy(asc(pointsOfSale.town), asc(pointsOfSale.name))
    .limit(POINT_OF_SALE_SEARCH.results);
}
