import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { packageItems } from '@/db/schema';
import { insertApplication } from '@/server/applications/create-application';
import { getChatForActor, lockChatRow } from '@/server/chat/chat-access';
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
export async function openPackage({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof packageIdInput> }) {
  return changeAndPublish(ctx, async (tx, emitter) => {
    const row = await getPackageForActor(tx, ctx.actor, input.packageId);
    if (ctx.actor.role !== 'dealer') throw notFound('Package');
    const items = await tx.select().from(packageItems).where(eq(packageItems.packageId, row.id)).orderBy(asc(packageItems.position));
    if (row.status === 'opened') return { packageId: row.id, applicationIds: items.map((i) => i.applicationId ?? '') };
    if (!row.chatId) throw conflict('errors.wrongState', 'The package was not sent into a chat', { status: row.status });
    await lockChatRow(tx, row.chatId);
    const chat = await getChatForActor(tx, ctx.actor, row.chatId);
    const now = ctx.clock.now();
    await movePackage(tx, row, 'open', ctx.actor, { openedAt: now }, now);
    const applicationIds: string[] = [];
    for (const entry of items) {
      const template = findTemplate(entry.templateId);
      if (!template) throw invalid('errors.unknownTemplate', `There is no form "${entry.templateId}"`);
      const application = await insertApplication(tx, emitter, { chat, actor: ctx.actor, template, now, formData: entry.formData, packageId: row.id, prefilledPaths: filledPaths(template, entry.formData) });
      await tx.update(packageItems).set({ applicationId: application.id }).where(eq(packageItems.id, entry.id));
      applicationIds.push(application.id);
    }
    return { packageId: row.id, applicationIds };
  });
}

