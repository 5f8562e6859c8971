import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { applications, counters } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { appendMessage } from '@/server/chat/append-message';
import { chatAudience, getChatForActor, mayWriteChat, type ChatRow } from '@/server/chat/chat-access';
import { assertChatStatus } from '@/server/chat/chat-transitions';
import type { Actor, SignedInContext } from '@/server/context';
import { invalid, notFound } from '@/server/errors/domain-error';
import { changeAndPublish, type Emitter } from '@/server/realtime/change-and-publish';
import { findTemplate, type TemplateDef } from '@/templates';
import { kyivDate } from './application-events';

export const createApplicationInput = z.object({ chatId: z.uuid('invalidId'), templateId: z.string().min(1).max(60) });

/** DD-2026-000123: a yearly counter, taken inside the transaction. */
async function nextNumber(tx: Tx, now: Date): Promise<string> {
  const year = kyivDate(now).slice(0, 4);
  const name = `application-${year}`;
  const [row] = await tx
    .insert(counters)
    .values({ name, value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning();
  if (!row) throw new Error(`the counter ${name} was not taken`);
  return `DD-${year}-${String(row.value).padStart(6, '0')}`;
}

/** The dealer picks a form in an active chat: a draft application and its card in the chat. */
export async function createApplication({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof createApplicationInput> }) {
  const template = findTemplate(input.templateId);
  if (!template) throw invalid('errors.unknownTemplate', `There is no form "${input.templateId}"`);
  return changeAndPublish(ctx, async (tx, emitter) => {
    const chat = await getChatForActor(tx, ctx.actor, input.chatId);
    if (!mayWriteChat(ctx.actor, chat) || ctx.actor.role !== 'dealer') throw notFound('Chat');
    assertChatStatus(chat, ['active'], 'create an application');
    const application = await insertApplication(tx, emitter, { chat, actor: ctx.actor, template, now: ctx.clock.now() });
    return { applicationId: application.id, number: application.number };
  });
}

/**
 * A new `draft` of the chat's dealer company, with its audit event, its card in the chat and an
 * `application.created` event for both sides' lists. From
 * an operator's package it starts with the package's values, and says which fields the operator filled.
 */
export async function insertApplication(
  tx: Tx,
  emitter: Emitter,
  input: { chat: ChatRow; actor: Actor; template: TemplateDef; now: Date; formData?: Record<string, Record<string, unknown>>; packageId?: string; prefilledPaths?: string[] },
) {
  const { chat, actor, template, now } = input;
  if (!chat.dealerId) throw invalid('errors.notADealerChat', 'Applications are made in a dealer’s chat: a subscriber is pointed to a point of sale');
  const number = await nextNumber(tx, now);
  const [application] = await tx
    .insert(applications)
    .values({
      number,
      chatId: chat.id,
      dealerId: chat.dealerId,
      pointOfSaleId: actor.pointOfSaleId,
      createdBy: actor.id,
      templateId: template.id,
      templateVersion: template.version,
      sensitive: template.sensitive,
      applicationDate: kyivDate(now),
      formData: input.formData ?? {},
      packageId: input.packageId ?? null,
      prefilledPaths: input.prefilledPaths ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!application) throw new Error('the application was not inserted');
  // Its card first: that locks the chat's row, which is taken before the audit chain's lock, as
  // every verb on a chat takes them (docs/scaling.md, "What is one at a time").
  await appendMessage(tx, emitter, chat, { kind: 'application', author: actor, body: JSON.stringify({ applicationId: application.id, number: application.number, templateId: template.id }) }, now);
  await writeAuditEvent(tx, {
    at: now,
    ...auditActor(actor),
    action: 'application.create',
    entityType: 'application',
    entityId: application.id,
    data: { number: application.number, templateId: template.id, templateVersion: template.version, chatId: chat.id, ...(input.packageId ? { packageId: input.packageId, prefilled: input.prefilledPaths?.length ?? 0 } : {}) },
  });
  // The lists of applications (the operator's, the dealer's) pick it up live.
  await emitter.emit({
    type: 'application.created',
    ...chatAudience(chat),
    payload: { applicationId: application.id, number: application.number, status: application.status, version: application.version, packageId: application.packageId },
  });
  return application;
}
