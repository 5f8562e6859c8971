import { eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { companies, users } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { invalid } from '@/server/errors/domain-error';
import { isValidEdrpou } from '@/templates/validators';

/** The remembered company of an EDRPOU: its last details and when they last changed (or null). */
export async function lookupCompany({ ctx, input }: { ctx: SignedInContext; input: { edrpou: string } }) {
  if (!isValidEdrpou(input.edrpou)) throw invalid('validation.edrpouChecksum', 'The EDRPOU code is not valid (check digit)');
  const row = await first(
    ctx.db
      .select({ details: companies.details, updatedAt: companies.updatedAt, updatedByName: users.name })
      .from(companies)
      .innerJoin(users, eq(users.id, companies.updatedBy))
      .where(eq(companies.edrpou, input.edrpou)),
  );
  return row ?? null;
}

