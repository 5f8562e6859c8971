import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction } from '@/db/client';
import { packageItems } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { conflict, invalid } from '@/server/errors/domain-error';
import { kyivDate } from '@/server/time/kyiv';
import { companyInput, parseCompanyDetails } from './company-details';
import { getPackageForActor, movePackage } from './package-access';
import { checkedItems, item, rememberCompany, writeItems } from './package-contents';

export const updatePackageInput = z.object({
  packageId: z.uuid('invalidId'),
  version: z.number().int().min(1),
  company: companyInput.optional(),
  items: z.array(item).min(1, 'packageEmpty').max(10, 'tooMany').optional(),
});

/**
 * Edits a package, as of the version the operator edited (a later save by someone else is a
 * conflict, never overwritten). Before it is sent: its details and forms. After: only the company's details,
 * which are remembered for the next package — the applications it became keep their own data
 * (a signed document never changes).
 */
export async function updatePackage({ ctx, input }: { ctx: SignedInContext; input: z.input<typeof updatePackageInput> }) {
  const parsed = updatePackageInput.parse(input);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const row = await getPackageForActor(tx, ctx.actor, parsed.packageId);
    // The version the operator edited: another operator's save in between is not overwritten.
    if (row.version !== parsed.version) throw conflict('errors.changedMeanwhile', `The package was changed meanwhile (version ${row.version}, edited ${parsed.version})`, { status: row.status });
    const details = parsed.company ? (row.kind === 'legal-entity' ? parseCompanyDetails(parsed.company, kyivDate(now)) : null) : row.details;
    if (row.status !== 'draft') {
      if (parsed.items) throw invalid('errors.packageAlreadySent', 'The package was sent: its forms are now applications in the chat');
      if (!details || !parsed.company) throw invalid('errors.packageAlreadySent', 'The package was sent: only the company details can still be changed');
      if (details.edrpou !== row.details?.edrpou) throw invalid('errors.packageEdrpouFixed', 'The package was sent for this company: its EDRPOU cannot change');
      // The package and the remembered company take the new details; its applications keep their own.
      await rememberCompany(tx, details, ctx, now);
      const updated = await movePackage(tx, row, 'editDetails', ctx.actor, { details, title: details.name }, now, { afterSending: true });
      return { packageId: updated.id, version: updated.version };
    }
    const currentItems = await tx.select().from(packageItems).where(eq(packageItems.packageId, row.id)).orderBy(asc(packageItems.position));
    const items = checkedItems(row.kind, parsed.items ?? currentItems.map((i) => ({ templateId: i.templateId, formData: i.formData })), details, kyivDate(now));
    const companyId = details ? await rememberCompany(tx, details, ctx, now) : null;
    const updated = await movePackage(tx, row, 'edit', ctx.actor, { details, companyId, title: details?.name ?? row.title }, now, { forms: items.map((i) => i.template.id) });
    await writeItems(tx, row.id, items);
    return { packageId: updated.id, version: updated.version };
  });
}

