import { asc, eq } from 'drizzle-orm';
import { first } from '@/db/client';
import type { z } from 'zod';
import { applications, companies, packageItems } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { findTemplate } from '@/templates';
import { getPackageForActor, type packageIdInput } from './package-access';
import { filledPaths } from './prefill';

/** One package with its forms (and the applications they became), for whoever may see it. */
export async function getPackage({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof packageIdInput> }) {
  const row = await getPackageForActor(ctx.db, ctx.actor, input.packageId);
  const items = await ctx.db.select().from(packageItems).where(eq(packageItems.packageId, row.id)).orderBy(asc(packageItems.position));
  const made = await ctx.db
    .select({ id: applications.id, number: applications.number, status: applications.status, version: applications.version, templateId: applications.templateId, prefilledPaths: applications.prefilledPaths })
    .from(applications)
    .where(eq(applications.packageId, row.id));
  const company = row.companyId ? await first(ctx.db.select({ updatedAt: companies.updatedAt }).from(companies).where(eq(companies.id, row.companyId))) : undefined;
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
