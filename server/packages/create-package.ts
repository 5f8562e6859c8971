import { z } from 'zod';
import { inTransaction } from '@/db/client';
import { packages } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { kyivDate } from '@/server/time/kyiv';
import { companyInput, parseCompanyDetails } from './company-details';
import { nextPackageNumber } from './package-access';
import { checkedItems, item, rememberCompany, writeItems } from './package-contents';

export const createPackageInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('legal-entity'), company: companyInput, items: z.array(item).min(1, 'packageEmpty').max(10, 'tooMany') }),
  z.object({ kind: z.literal('individual'), items: z.array(item).length(1, 'individualOneForm') }),
]);
export type CreatePackageInput = z.input<typeof createPackageInput>;

/**
 * The operator prepares a package, before any chat exists: a company's details once and its
 * forms pre-filled from them, or one pre-filled form for a person. All or nothing: a bad EDRPOU,
 * an expired power of attorney or a package without forms stores nothing.
 */
export async function createPackage({ ctx, input }: { ctx: SignedInContext; input: CreatePackageInput }) {
  const parsed = createPackageInput.parse(input);
  const now = ctx.clock.now();
  const details = parsed.kind === 'legal-entity' ? parseCompanyDetails(parsed.company, kyivDate(now)) : null;
  const items = checkedItems(parsed.kind, parsed.items, details, kyivDate(now));
  return inTransaction(ctx.db, async (tx) => {
    const companyId = details ? await rememberCompany(tx, details, ctx, now) : null;
    const title = details?.name ?? items[0]?.template.title.uk ?? '';
    const number = await nextPackageNumber(tx, now);
    const [row] = await tx
      .insert(packages)
      .values({ number, kind: parsed.kind, companyId, details, title, createdBy: ctx.actor.id, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error('the insert returned no row');
    await writeItems(tx, row.id, items);
    await writeAuditEvent(tx, { at: now, ...auditActor(ctx.actor), action: 'package.create', entityType: 'package', entityId: row.id, data: { number: row.number, kind: row.kind, forms: items.map((i) => i.template.id) } });
    return { packageId: row.id, number: row.number, version: row.version };
  });
}

