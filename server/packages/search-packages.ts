import { and, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { companies, packages, users } from '@/db/schema';
import type { SignedInContext } from '@/server/context';

/**
 * Contains `pattern`, whatever the case: both sides lowered by the database itself, so they are
 * folded alike (PostgreSQL's LIKE folds no case; SQLite's lower() folds ASCII letters, as its LIKE did).
 */
const likeAnyCase = (column: typeof packages.title | typeof packages.number, pattern: string): SQL => sql`lower(${column}) like lower(${pattern})`;

/** Packages found by EDRPOU or company name (or the newest), for operators. */
export async function searchPackages({ ctx, input }: { ctx: SignedInContext; input: { query: string; status?: 'draft' | 'sent' | 'opened' } }) {
  const query = input.query.trim();
  const pattern = `%${query.replaceAll('%', '').replaceAll('_', '')}%`;
  return ctx.db
    .select({ id: packages.id, number: packages.number, kind: packages.kind, title: packages.title, status: packages.status, edrpou: companies.edrpou, updatedAt: packages.updatedAt, sentAt: packages.sentAt, createdByName: users.name })
    .from(packages)
    .leftJoin(companies, eq(companies.id, packages.companyId))
    .innerJoin(users, eq(users.id, packages.createdBy))
    .where(
      and(
        query ? or(/\d/.test(query) ? like(companies.edrpou, `${query.replace(/\D/g, '')}%`) : undefined, likeAnyCase(packages.title, pattern), likeAnyCase(packages.number, pattern)) : undefined,
        input.status ? eq(packages.status, input.status) : undefined,
      ),
    )
    .orderBy(desc(packages.updatedAt))
    .limit(50);
}

