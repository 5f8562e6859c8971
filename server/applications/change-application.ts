import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { attachments, identifications } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { invalid } from '@/server/errors/domain-error';
import { changeAndPublish, type Emitter } from '@/server/realtime/change-and-publish';
import type { GuardFacts } from '@/server/workflow/guards';
import { transition, type TransitionRequest } from '@/server/workflow/transition';
import type { ApplicationAction } from '@/server/workflow/transition-table';
import { identificationSchema } from '@/templates/identification';
import type { TemplateDef } from '@/templates';
import { draftSchema, fieldPaths, formSchema } from '@/templates/schema-from-template';
import { gatherFacts, getApplicationForActor, type LoadedApplication } from './application-access';
import { announceApplicationChange } from './application-events';

type Ctx = { ctx: SignedInContext };

interface Plan {
  changes?: TransitionRequest['changes'];
  audit?: Record<string, unknown>;
  expectedVersion?: number;
  /** Facts only the verb knows (e.g. "the form just validated"), added to the gathered ones. */
  facts?: Partial<GuardFacts>;
  /** A line in the chat about this step. */
  note?: { key: string; params: Record<string, string> };
}

/**
 * The application verbs that change it. Each: load with the ownership check, validate against
 * the template, gather facts, call transition() (the only status writer) with the audit event,
 * then announce the update to the chat. `changeInTx` does it inside a caller's transaction (a
 * package changes several applications in one); `change` in a transaction of its own.
 */
export function changeInTx(ctx: SignedInContext, tx: Tx, emitter: Emitter, applicationId: string, action: ApplicationAction, work: (loaded: LoadedApplication, tx: Tx) => Plan) {
  const loaded = getApplicationForActor(tx, ctx.actor, applicationId);
  const plan = work(loaded, tx);
  const now = ctx.clock.now();
  const updated = transition(tx, {
    application: loaded.application,
    action,
    actor: ctx.actor,
    facts: { ...gatherFacts(tx, loaded.application, loaded.template, loaded.chatOperatorId), ...plan.facts },
    expectedVersion: plan.expectedVersion,
    changes: plan.changes,
    audit: plan.audit,
    now,
  });
  announceApplicationChange(tx, emitter, updated, now, plan.note);
  return { applicationId: updated.id, status: updated.status, version: updated.version };
}

function change({ ctx }: Ctx, applicationId: string, action: ApplicationAction, work: (loaded: LoadedApplication, tx: Tx) => Plan) {
  return changeAndPublish(ctx, (tx, emitter) => changeInTx(ctx, tx, emitter, applicationId, action, work));
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
    return { changes: { formData: parsed }, expectedVersion: args.input.version, facts: { formComplete: true } };
  });
}

/** One party's identification with the dealer's attestation (who, when, at which point of sale). */
export function saveIdentification(args: Ctx & { input: { applicationId: string; version?: number; party: string; values: Record<string, unknown> } }) {
  return change(args, args.input.applicationId, 'identify', identifyWork(args.ctx, args.input));
}

/** The work of identifying a party: the document's rules, the scans belong to the chat, the attestation stored. */
export function identifyWork(ctx: SignedInContext, input: { version?: number; party: string; values: Record<string, unknown> }) {
  return ({ application, template }: LoadedApplication, tx: Tx): Plan => {
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
  };
}

/** The chat's operator checked everything: `verified`, and a note in the chat. */
export function verifyApplication(args: Ctx & { input: { applicationId: string; version?: number } }) {
  const { ctx } = args;
  return change(args, args.input.applicationId, 'verify', ({ application }) => ({
    changes: { verifiedBy: ctx.actor.id, verifiedAt: ctx.clock.now() },
    expectedVersion: args.input.version,
    note: { key: 'applicationVerified', params: { number: application.number, name: ctx.actor.name } },
  }));
}

/** Back to the dealer with remarks on fields (paths of the form, or parties.<party>.<field>, or _general). */
export function returnApplication(args: Ctx & { input: { applicationId: string; version?: number; remarks: Record<string, string>; note: string } }) {
  const { ctx, input } = args;
  return change(args, input.applicationId, 'return', ({ application, template }) => {
    const remarks = checkedRemarks(template, input);
    return {
      changes: { remarks, returnedAt: ctx.clock.now(), returnedBy: ctx.actor.id },
      expectedVersion: input.version,
      audit: { remarks: Object.keys(remarks) },
      note: { key: 'applicationReturned', params: { number: application.number, name: ctx.actor.name } },
    };
  });
}

/** Remarks on a return: each names a field of the form or of a party; at least one, or a general note. */
export function checkedRemarks(template: TemplateDef, input: { remarks: Record<string, string>; note: string }): Record<string, string> {
  const known = new Set(fieldPaths(template));
  for (const path of Object.keys(input.remarks)) {
    const party = /^parties\.([^.]+)\.[^.]+$/.exec(path)?.[1];
    if (!known.has(path) && !(party && template.parties.some((p) => p.key === party))) throw invalid('errors.unknownField', `The form has no field "${path}"`);
  }
  const remarks = { ...input.remarks, ...(input.note ? { _general: input.note } : {}) };
  if (Object.keys(remarks).length === 0) throw invalid('errors.remarksRequired', 'Say what must be corrected');
  return remarks;
}

export function cancelApplication(args: Ctx & { input: { applicationId: string; version?: number } }) {
  return change(args, args.input.applicationId, 'cancel', () => ({ changes: { cancelledAt: args.ctx.clock.now() }, expectedVersion: args.input.version }));
}
