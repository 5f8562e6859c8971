import { asc, eq } from 'drizzle-orm';
import { applications, packageItems } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { conflict, invalid } from '@/server/errors/domain-error';
import { getPackageForActor } from './package-access';

/** A company package's applications, in the package's order (after it was opened). */
export async function packageApplications(ctx: SignedInContext, id: string) {
  const row = await getPackageForActor(ctx.db, ctx.actor, id);
  if (row.kind !== 'legal-entity') throw invalid('errors.packageIndividual', "A person's form is identified, signed and submitted on its own page");
  const rows = (
    await ctx.db
      .select({ application: applications })
      .from(packageItems)
      .innerJoin(applications, eq(applications.id, packageItems.applicationId))
      .where(eq(packageItems.packageId, id))
      .orderBy(asc(packageItems.position))
  ).map((r) => r.application);
  if (rows.length === 0) throw conflict('errors.packageNotOpened', 'Open the package first');
  return rows;
}

