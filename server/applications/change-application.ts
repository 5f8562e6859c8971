import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { attachments, identifications } from '@/db/schema';
import { appendMessage, systemMessage } from '@/server/chat/append-message';
import { chats } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { invalid } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { transition } from '@/server/workflow/transition';
import type { ApplicationAction } from '@/server/workflow/transition-table';
import { identificationSchema } from '@/templates/identification';
import { draftSchema, fieldPaths, formSchema } from '@/templates/schema-from-template';
import { gatherFacts, getApplicationForActor } from './application-access';
import { emitApplicationUpdated } from './application-events';

type Ctx = { ctx: SignedInContext };

/**
 * The application verbs that change it. Each: load with the ownership check, validate against
 * the template, gather facts, call transition() (the only status writer) in one transaction
 * with the audit event, then publish the update to the chat.
 */
function change<T>(
  { ctx }: Ctx,
  applicationId: string,
  action: ApplicationAction,
  work: (loaded: ReturnType<typeof getApplicationForActor>, tx: Parameters<Parameters<typeof changeAndPublish>[1]>[0]) => {
    changes?: Parameters<typeof transition>[1]['changes'];
    audit?: Record<string, unknown>;
    expectedVersion?: number;
    after?: (tx: Parameters<Parameters<typeof changeAndPublish>[1]>[0], emitter: Parameters<Parameters<typeof changeAndPublish>[1]>[1], updated: ReturnType<typeof transition>) => T;
  },
) {
  return changeAndPublish(ctx, (tx, emitter) => {
    const loaded = getApplicationForActor(tx, ctx.actor, applicationId);
    const plan = work(loaded, tx);
    const facts = gatherFacts(tx, loaded.application, loaded.template, loaded.chatOperatorId);
    const updated = transition(tx, {
      application: loaded.application,
      action,
      actor: ctx.actor,
      facts: action === 'fill' ? { ...facts, formComplete: true } : facts,
      expectedVersion: plan.expectedVersion,
      changes: plan.changes,
      audit: plan.audit,
      now: ctx.clock.now(),
    });
    emitApplicationUpdated(tx, emitter, updated);
    plan.after?.(tx, emitter, updated);
    return { applicationId: updated.id, status: updated.status, version: updated.version };
  });
}

/** Autosave while the dealer types: any subset of the template's fields, nothing required yet. */
export function saveDraft(args: Ctx & { input: { applicationId: string; version?: number; formData: Record<string, Record<string, unknown>> } }) {
  return change(args, args.input.applicationId, 'edit', ({ application, template }) => {
    const draft = draftSchema(template).parse(args.input.formData);
    const merged = { ...application.formData };
    for (const [section, values] of Object.entries(draft)) merged[section] = { ...merged[section], ...values };
    return { changes: { formData: merged }, expectedVersion: args.input.version, audit: { sections: Object.keys(draft) } };
  });
}

/** "Complete": every required field present and valid (cross-field rules included) → `filled`. */
export function completeForm(args: Ctx & { input: { applicationId: string; version?: number; formData: Record<string, Record<string, unknown>> } }) {
  return change(args, args.input.applicationId, 'fill', ({ application, template }) => {
    const parsed = formSchema(template, { applicationDate: application.applicationDate }).parse(args.input.formData);
    return { changes: { formData: parsed }, expectedVersion: args.input.version };
  });
}

/** One party's identification with the dealer's attestation (who, when, at which point of sale). */
export function saveIdentification(args: Ctx & { input: { applicationId: string; version?: number; party: string; values: Record<string, unknown> } }) {
  const { ctx, input } = args;
  return change(args, input.applicationId, 'identify', ({ application, template }, tx) => {
    const party = template.parties.find((p) => p.key === input.party);
    if (!party) throw invalid('errors.unknownParty', `The form "${template.id}" has no party "${input.party}"`);
    // Wrapped so that error paths read `values.<field>`, as the procedure's input names them.
    const { values } = z.object({ values: identificationSchema(party, { applicationDate: application.applicationDate }) }).parse({ values: input.values });
    for (const scanId of values.scanIds) {
      const scan = tx.select({ id: attachments.id }).from(attachments).where(and(eq(attachments.id, scanId), eq(attachments.chatId, application.chatId))).get();
      if (!scan) throw invalid('errors.scanNotFound', 'A scan does not belong to this application');
    }
    const now = ctx.clock.now();
    const row = { values, attestedBy: ctx.actor.id, attestedAt: now, attestedPointOfSaleId: ctx.actor.pointOfSaleId };
    tx.insert(identifications)
      .values({ applicationId: application.id, party: party.key, ...row, createdAt: now })
      .onConflictDoUpdate({ target: [identifications.applicationId, identifications.party], set: row })
      .run();
    return { expectedVersion: input.version, audit: { party: party.key, documentType: values.documentType } };
  });
}

/** The chat's operator checked everything: `verified`, and a note in the chat. */
export function verifyApplication(args: Ctx & { input: { applicationId: string; version?: number } }) {
  const { ctx } = args;
  return change(args, args.input.applicationId, 'verify', () => ({
    changes: { verifiedBy: ctx.actor.id, verifiedAt: ctx.clock.now() },
    expectedVersion: args.input.version,
    after: (tx, emitter, updated) => {
      const chat = tx.select().from(chats).where(eq(chats.id, updated.chatId)).get();
      if (chat) appendMessage(tx, emitter, chat, systemMessage('applicationVerified', { number: updated.number, name: ctx.actor.name }), ctx.clock.now());
    },
  }));
}

/** Back to the dealer with remarks on fields (paths of the form, or parties.<party>.<field>, or _general). */
export function returnApplication(args: Ctx & { input: { applicationId: string; version?: number; remarks: Record<string, string>; note: string } }) {
  const { ctx, input } = args;
  return change(args, input.applicationId, 'return', ({ template }) => {
    const known = new Set(fieldPaths(template));
    for (const path of Object.keys(input.remarks)) {
      const party = /^parties\.([^.]+)\.[^.]+$/.exec(path)?.[1];
      if (!known.has(path) && !(party && template.parties.some((p) => p.key === party))) throw invalid('errors.unknownField', `The form has no field "${path}"`);
    }
    const remarks = { ...input.remarks, ...(input.note ? { _general: input.note } : {}) };
    if (Object.keys(remarks).length === 0) throw invalid('errors.remarksRequired', 'Say what must be corrected');
    return {
      changes: { remarks, returnedAt: ctx.clock.now(), returnedBy: ctx.actor.id },
      expectedVersion: input.version,
      audit: { remarks: Object.keys(remarks) },
      after: (tx, emitter, updated) => {
        const chat = tx.select().from(chats).where(eq(chats.id, updated.chatId)).get();
        if (chat) appendMessage(tx, emitter, chat, systemMessage('applicationReturned', { number: updated.number, name: ctx.actor.name }), ctx.clock.now());
      },
    };
  });
}

export function cancelApplication(args: Ctx & { input: { applicationId: string; version?: number } }) {
  return change(args, args.input.applicationId, 'cancel', () => ({ changes: { cancelledAt: args.ctx.clock.now() }, expectedVersion: args.input.version }));
}
