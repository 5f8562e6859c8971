import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { companies, packageItems, type CompanyDetails } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { invalid } from '@/server/errors/domain-error';
import { findTemplate, type TemplateDef } from '@/templates';
import { draftSchema, prefillSchema } from '@/templates/schema-from-template';
import { isLegalEntityForm } from './company-details';
import { prefilledForm, type FormData } from './prefill';

/** One form of a package as the operator gives it. */
export const item = z.object({
  templateId: z.string().min(1).max(60),
  /** What the operator filled in (any subset of the form's fields). */
  formData: z.record(z.string().max(60), z.record(z.string().max(60), z.unknown())).default({}),
});

/** The forms checked against their templates and pre-filled from the company's details. */
export function checkedItems(kind: 'legal-entity' | 'individual', items: z.output<typeof item>[], details: CompanyDetails | null, today: string) {
  return items.map((entry, position) => {
    const template = findTemplate(entry.templateId);
    if (!template) throw invalid('errors.unknownTemplate', `There is no form "${entry.templateId}"`);
    if (kind === 'legal-entity' && !isLegalEntityForm(template)) throw invalid('errors.notLegalEntityForm', `"${template.id}" is not a form for a legal entity`);
    // Checked wrapped, so that error paths read `items.<n>.formData.<section>.<field>`: first the
    // shape (the form's own fields only), then each value given, as the complete form checks it.
    const wrapped = (formData: z.ZodType) => z.object({ items: z.object({ [position]: z.object({ formData }) }) });
    const shaped = wrapped(draftSchema(template)).parse({ items: { [position]: { formData: entry.formData } } });
    const valid = wrapped(prefillSchema(template, { applicationDate: today })).parse(shaped);
    const formData: FormData = prefilledForm(template, (valid.items[position] as { formData: FormData }).formData, details);
    return { template, position, formData };
  });
}

/** Remembers the company's latest details by EDRPOU (the next package starts from them). */
export async function rememberCompany(tx: Tx, details: CompanyDetails, ctx: SignedInContext, now: Date): Promise<string> {
  const [row] = await tx
    .insert(companies)
    .values({ edrpou: details.edrpou, details, updatedAt: now, updatedBy: ctx.actor.id, createdAt: now })
    .onConflictDoUpdate({ target: companies.edrpou, set: { details, updatedAt: now, updatedBy: ctx.actor.id } })
    .returning({ id: companies.id });
  if (!row) throw new Error('the insert returned no row');
  return row.id;
}

/** Replaces a package's forms. */
export async function writeItems(tx: Tx, packageId: string, items: { template: TemplateDef; position: number; formData: FormData }[]): Promise<void> {
  await tx.delete(packageItems).where(eq(packageItems.packageId, packageId));
  for (const entry of items) await tx.insert(packageItems).values({ packageId, position: entry.position, templateId: entry.template.id, formData: entry.formData });
}

