import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { applications, packageItems } from '@/db/schema';
import { changeInTx, identifyWork } from '@/server/applications/change-application';
import { insertApplication } from '@/server/applications/create-application';
import { prepareSigning, signInput, type PreparedSigning } from '@/server/applications/sign-application';
import { submitInTx } from '@/server/applications/submit-application';
import { appendMessage } from '@/server/chat/append-message';
import { getChatForActor } from '@/server/chat/chat-access';
import type { SignedInContext } from '@/server/context';
import { conflict, invalid, notFound } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import type { FileStorage } from '@/server/storage/file-storage';
import { findTemplate } from '@/templates';
import { REPRESENTATIVE_PARTY } from '@/templates/legal-entity';
import { chatOfOperator, getPackageForActor, movePackage } from './package-access';
import { filledPaths } from './prefill';

const packageId = z.uuid('invalidId');
export const sendPackageInput = z.object({ packageId, chatId: z.uuid('invalidId') });
export const packageIdInput = z.object({ packageId });
export const identifyPackageInput = z.object({ packageId, values: z.record(z.string().max(40), z.unknown()) });
export const signPackageInput = z.object({ packageId, signatures: signInput.shape.signatures });
export const submitPackageInput = z.object({ packageId, requestId: z.uuid('invalidId') });

type Ctx = SignedInContext & { ip: string; userAgent: string; appUrl: string };

/** A company package's applications, in the package's order (after it was opened). */
function packageApplications(ctx: SignedInContext, id: string) {
  const row = getPackageForActor(ctx.db, ctx.actor, id);
  if (row.kind !== 'legal-entity') throw invalid('errors.packageIndividual', "A person's form is identified, signed and submitted on its own page");
  const rows = ctx.db
    .select({ application: applications })
    .from(packageItems)
    .innerJoin(applications, eq(applications.id, packageItems.applicationId))
    .where(eq(packageItems.packageId, id))
    .orderBy(asc(packageItems.position))
    .all()
    .map((r) => r.application);
  if (rows.length === 0) throw conflict('errors.packageNotOpened', 'Open the package first');
  return rows;
}

/** The chat's operator sends a prepared package into it: one card the dealer opens. */
export function sendPackage({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof sendPackageInput> }) {
  return changeAndPublish(ctx, (tx, emitter) => {
    const row = getPackageForActor(tx, ctx.actor, input.packageId);
    const chat = chatOfOperator(tx, ctx.actor, input.chatId);
    const now = ctx.clock.now();
    const count = tx.select({ id: packageItems.id }).from(packageItems).where(eq(packageItems.packageId, row.id)).all().length;
    const sent = movePackage(tx, row, 'send', ctx.actor, { chatId: chat.id, dealerId: chat.dealerId, sentAt: now }, now, { chatId: chat.id });
    appendMessage(tx, emitter, chat, { kind: 'prefill', author: ctx.actor, body: JSON.stringify({ packageId: sent.id, number: sent.number, title: sent.title, kind: sent.kind, forms: count }) }, now);
    return { packageId: sent.id, status: sent.status };
  });
}

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
    if (!row.chatId) throw conflict('errors.packageWrongState', 'The package was not sent into a chat');
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

/** The representative is identified once: the same identification goes into every application of the package (each audited). */
export function identifyPackage({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof identifyPackageInput> }) {
  const apps = packageApplications(ctx, input.packageId);
  return changeAndPublish(ctx, (tx, emitter) => apps.map((app) => changeInTx(ctx, tx, emitter, app.id, 'identify', identifyWork(ctx, { party: REPRESENTATIVE_PARTY.key, values: input.values }))));
}

/**
 * The representative (and the dealer) sign once: the one drawing goes onto every document, each
 * rendered and sealed as its own PDF, and all are recorded in one transaction — all signed, or
 * none (and no file this attempt created left behind).
 */
export async function signPackage({ ctx, input, storage }: { ctx: Ctx; input: z.infer<typeof signPackageInput>; storage: FileStorage }) {
  const apps = packageApplications(ctx, input.packageId);
  const notReady = apps.filter((a) => a.status !== 'verified');
  if (notReady.length) throw conflict('errors.packageNotVerified', `Every application must be verified first: ${notReady.map((a) => `${a.number} is ${a.status}`).join(', ')}`, { numbers: notReady.map((a) => a.number) });
  const prepared: PreparedSigning[] = [];
  let result;
  try {
    for (const app of apps) prepared.push(await prepareSigning({ ctx, input: { applicationId: app.id, version: app.version, signatures: input.signatures }, storage }));
    result = changeAndPublish(ctx, (tx, emitter) => prepared.map((p) => p.commit(tx, emitter)));
  } catch (error) {
    // Each removes only what it created: the images the first stored are found, not created, by the next.
    for (const p of prepared) await p.files.discard();
    throw error;
  }
  for (const p of prepared) await p.files.keep();
  return result;
}

/** Submits the whole package in one transaction (each application gets its own confirmation link). A replay submits nothing twice. */
export function submitPackage({ ctx, input }: { ctx: Ctx; input: z.infer<typeof submitPackageInput> }) {
  const apps = packageApplications(ctx, input.packageId);
  const notReady = apps.filter((a) => a.status !== 'signed' && a.submitRequestId !== input.requestId);
  if (notReady.length) throw conflict('errors.packageNotSigned', `Every application must be signed first: ${notReady.map((a) => `${a.number} is ${a.status}`).join(', ')}`, { numbers: notReady.map((a) => a.number) });
  return changeAndPublish(ctx, (tx, emitter) => apps.map((app) => submitInTx(ctx, tx, emitter, { applicationId: app.id, requestId: input.requestId })));
}
