import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { requestCategories } from '@/db/schema';

/** The categories, in their order: the active ones for the forms, all of them for the admin. */
export async function listRequestCategories({ ctx, all = false }: { ctx: { db: DbOrTx }; all?: boolean }) {
  const query = ctx.db.select().from(requestCategories);
  return (all ? query : query.where(eq(requestCategories.active, true))).orderBy(asc(requestCategories.sort), asc(requestCategories.key));
}
