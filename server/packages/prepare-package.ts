import { and, asc, desc, eq, like, or } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Tx } from '@/db/client';
import { applications, companies, packageItems, packages, users, type CompanyDetails } from '@/db/schema';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { invalid } from '@/server/errors/domain-error';
import { kyivDate } from '@/server/time/kyiv';
import { findTemplate, type TemplateDef } from '@/templates';
import { isValidEdrpou } from '@/templates/validators';
import { companyInput, isLegalEntityForm, parseCompanyDetails } from './company-details';
import { getPackageForActor, movePackage, nextPackageNumber } from './package-access';
import { draftSchema, prefillSchema } from '@/templates/schema-from-template';
import { filledPaths, prefilledForm, type FormData } from './prefill';

const item = z.object({
  templateId: z.string().min(1).max(60),
  /** What the operator filled in (any subset of the form's fields). */
  formData: z.record(z.string().max(60), z.record(z.string().max(60), z.unknown())).default({}),
});

export const createPackageInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('legal-entity'), company: companyInput, items: z.array(item).min(1, 'packageEmpty').max(10, 'tooMany') }),
  z.object({ kind: z.literal('individual'), items: z.array(item).length(1, 'individualOneForm') }),
]);
export type CreatePackageInput = z.input<typeof createPackageInput>;

export const updatePackageInput = z.object({
  packageId: z.uuid('invalidId'),
  version: z.number().int().min(1),
  company: companyInput.optional(),
  items: z.array(item).min(1, 'packageEmpty').max(10, 'tooMany').optional(),
});

function checkedItems(kind: 'legal-entity' | 'individual', items: z.output<typeof item>[], details: CompanyDetails | null, today: string) {
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
function rememberCompany(tx: Tx, details: CompanyDetails, ctx: SignedInContext, now: Date): string {
  const row = tx
    .insert(companies)
    .values({ edrpou: details.edrpou, details, updatedAt: now, updatedBy: ctx.actor.id, createdAt: now })
    .onConflictDoUpdate({ target: companies.edrpou, set: { details, updatedAt: now, updatedBy: ctx.actor.id } })
    .returning({ id: companies.id })
    .get();
  return row.id;
}

function writeItems(tx: Tx, packageId: string, items: { template: TemplateDef; position: number; formData: FormData }[]) {
  tx.delete(packageItems).where(eq(packageItems.packageId, packageId)).run();
  for (const entry of items) tx.insert(packageItems).values({ packageId, position: entry.position, templateId: entry.template.id, formData: entry.formData }).run();
}

/**
 * The operator prepares a package, before any chat exists: a company's details once and its
 * forms pre-filled from them, or one pre-filled form for a person. All or nothing: a bad EDRPOU,
 * an expired power of attorney or a package without forms stores nothing.
 */
export function createPackage({ ctx, input }: { ctx: SignedInContext; input: CreatePackageInput }) {
  const parsed = createPackageInput.parse(input);
  const now = ctx.clock.now();
  const details = parsed.kind === 'legal-entity' ? parseCompanyDetails(parsed.company, kyivDate(now)) : null;
  const items = checkedItems(parsed.kind, parsed.items, details, kyivDate(now));
  return inTransaction(ctx.db, (tx) => {
    const companyId = details ? rememberCompany(tx, details, ctx, now) : null;
    const title = details?.name ?? items[0]?.template.title.uk ?? '';
    const row = tx
      .insert(packages)
      .values({ number: nextPackageNumber(tx, now), kind: parsed.kind, companyId, details, title, createdBy: ctx.actor.id, createdAt: now, updatedAt: now })
      .returning()
      .get();
    writeItems(tx, row.id, items);
    writeAuditEvent(tx, { at: now, actorId: ctx.actor.id, actorRole: ctx.actor.role, action: 'package.create', entityType: 'package', entityId: row.id, data: { number: row.number, kind: row.kind, forms: items.map((i) => i.template.id) } });
    return { packageId: row.id, number: row.number, version: row.version };
  });
}

/**
 * Edits a package. Before it is sent: its details and forms. After: only the company's details,
 * which are remembered for the next package — the applications it became keep their own data
 * (a signed document never changes).
 */
export function updatePackage({ ctx, input }: { ctx: SignedInContext; input: z.input<typeof updatePackageInput> }) {
  const parsed = updatePackageInput.parse(input);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, (tx) => {
    const row = getPackageForActor(tx, ctx.actor, parsed.packageId);
    const details = parsed.company ? (row.kind === 'legal-entity' ? parseCompanyDetails(parsed.company, kyivDate(now)) : null) : row.details;
    if (row.status !== 'draft') {
      if (parsed.items) throw invalid('errors.packageAlreadySent', 'The package was sent: its forms are now applications in the chat');
      if (!details || !parsed.company) throw invalid('errors.packageAlreadySent', 'The package was sent: only the company details can still be changed');
      if (details.edrpou !== row.details?.edrpou) throw invalid('errors.packageEdrpouFixed', 'The package was sent for this company: its EDRPOU cannot change');
      // The package and the remembered company take the new details; its applications keep their own.
      rememberCompany(tx, details, ctx, now);
      const updated = movePackage(tx, row, 'editDetails', ctx.actor, { details, title: details.name }, now, { afterSending: true });
      return { packageId: updated.id, version: updated.version };
    }
    const currentItems = tx.select().from(packageItems).where(eq(packageItems.packageId, row.id)).orderBy(asc(packageItems.position)).all();
    const items = checkedItems(row.kind, parsed.items ?? currentItems.map((i) => ({ templateId: i.templateId, formData: i.formData })), details, kyivDate(now));
    const companyId = details ? rememberCompany(tx, details, ctx, now) : null;
    const updated = movePackage(tx, row, 'edit', ctx.actor, { details, companyId, title: details?.name ?? row.title }, now, { forms: items.map((i) => i.template.id) });
    writeItems(tx, row.id, items);
    return { packageId: updated.id, version: updated.version };
  });
}

/** The remembered company of an EDRPOU: its last details and when they last changed (or null). */
export function lookupCompany({ ctx, input }: { ctx: SignedInContext; input: { edrpou: string } }) {
  if (!isValidEdrpou(input.edrpou)) throw invalid('validation.edrpouChecksum', 'The EDRPOU code is not valid (check digit)');
  const row = ctx.db
    .select({ details: companies.details, updatedAt: companies.updatedAt, updatedByName: users.name })
    .from(companies)
    .innerJoin(users, eq(users.id, companies.updatedBy))
    .where(eq(companies.edrpou, input.edrpou))
    .get();
  return row ?? null;
}

/** Packages found by EDRPOU or company name (or the newest), for operators. */
export function searchPackages({ ctx, input }: { ctx: SignedInContext; input: { query: string; status?: 'draft' | 'sent' | 'opened' } }) {
  const query = input.query.trim();
  const pattern = `%${query.replaceAll('%', '').replaceAll('_', '')}%`;
  return ctx.db
    .select({ id: packages.id, number: packages.number, kind: packages.kind, title: packages.title, status: packages.status, edrpou: companies.edrpou, updatedAt: packages.updatedAt, sentAt: packages.sentAt, createdByName: users.name })
    .from(packages)
    .leftJoin(companies, eq(companies.id, packages.companyId))
    .innerJoin(users, eq(users.id, packages.createdBy))
    .where(
      and(
        query ? or(/\d/.test(query) ? like(companies.edrpou, `${query.replace(/\D/g, '')}%`) : undefined, like(packages.title, pattern), like(packages.number, pattern)) : undefined,
        input.status ? eq(packages.status, input.status) : undefined,
      ),
    )
    .orderBy(desc(packages.updatedAt))
    .limit(50)
    .all();
}

/** One package with its forms (and the applications they became), for whoever may see it. */
export function getPackage({ ctx, input }: { ctx: SignedInContext; input: { packageId: string } }) {
  const row = getPackageForActor(ctx.db, ctx.actor, input.packageId);
  const items = ctx.db.select().from(packageItems).where(eq(packageItems.packageId, row.id)).orderBy(asc(packageItems.position)).all();
  const made = ctx.db
    .select({ id: applications.id, number: applications.number, status: applications.status, version: applications.version, templateId: applications.templateId, prefilledPaths: applications.prefilledPaths })
    .from(applications)
    .where(eq(applications.packageId, row.id))
    .all();
  const company = row.companyId ? ctx.db.select({ updatedAt: companies.updatedAt }).from(companies).where(eq(companies.id, row.companyId)).get() : undefined;
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    title: row.title,
    status: row.status,
    version: row.version,
    details: row.details,
    companyUpdatedAt: company?.updatedAt ?? null,
    chatId: row.chatId,
    sentAt: row.sentAt,
    openedAt: row.openedAt,
    items: items.map((i) => {
      const template = findTemplate(i.templateId);
      const application = made.find((a) => a.id === i.applicationId) ?? null;
      return { id: i.id, position: i.position, templateId: i.templateId, formData: i.formData, filled: template ? filledPaths(template, i.formData) : [], application };
    }),
  };
}
