import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { packageItems } from '@/db/schema';
import { insertApplication } from '@/server/applications/create-application';
import { getChatForActor } from '@/server/chat/chat-access';
import type { SignedInContext } from '@/server/context';
import { conflict, invalid, notFound } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { findTemplate } from '@/templates';
import { getPackageForActor, movePackage, type packageIdInput } from './package-access';
import { filledPaths } from './prefill';

/**
 * The dealer opens the package: each form becomes an application of this chat and dealer company
 * (`draft`, with the operator's values and the list of fields the operator filled). Opening it
 * again answers the same applications.
 */
export function openPackage({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof packageIdInput> }) {
  return changeAndPublish(ctx, (tx, emitter) => {
    const row = getPackageForActor(tx, ctx.actor, input.packageId);
    if (ctx.actor.role !== 'dealer') throw notFound('Package');
    const items = tx.select().from(packageItems).where(eq(packageItems.packageId, row.id)).orderBy(asc(packageItems.position)).all();
    if (row.status === 'opened') return { packageId: row.id, applicationIds: items.map((i) => i.applicationId ?? '') };
    if (!row.chatId) throw conflict('errors.wrongState', 'The package was not sent into a chat', { status: row.status });
    const chat = getChatForActor(tx, ctx.actor, row.chatId);
    const now = ctx.clock.now();
    movePackage(tx, row, 'open', ctx.actor, { openedAt: now }, now);
    const applicationIds = items.map((entry) => {
      const template = findTemplate(entry.templateId);
      if (!template) throw invalid('errors.unknownTemplate', `There is no form "${entry.templateId}"`);
      const application = insertApplication(tx, emitter, { chat, actor: ctx.actor, template, now, formData: entry.formData, packageId: row.id, prefilledPaths: filledPaths(template, entry.formData) });
      tx.update(packageItems).set({ applicationId: application.id }).where(eq(packageItems.id, entry.id)).run();
      return application.id;
    });
    return { packageId: row.id, applicationIds };
  });
}

