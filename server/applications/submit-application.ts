import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { identifications } from '@/db/schema';
import { searchTermsOf } from '@/server/backoffice/search-terms';
import type { SignedInContext } from '@/server/context';
import type { Tx } from '@/db/client';
import { changeAndPublish, type Emitter } from '@/server/realtime/change-and-publish';
import { confirmationPlan, issueConfirmationLink } from '@/server/subscriber/confirmation-link';
import { transition } from '@/server/workflow/transition';
import { gatherFacts, getApplicationForActor } from './application-access';
import { announceApplicationChange } from './application-events';

export const submitInput = z.object({
  applicationId: z.uuid('invalidId'),
  version: z.number().int().min(1),
  /** Made once per press of "Submit" by the client; a retry or a double click sends the same one. */
  requestId: z.uuid('invalidId'),
});

/**
 * The dealer submits a signed application to the back office. In one transaction: `submitted`
 * with where the confirmation goes (and, without a reachable contact, when the waiting period
 * ends), new links, the subscriber's messages in the outbox, the audit event. A
 * replay of the same request answers the same result and changes nothing.
 */
export function submitApplication({ ctx, input }: { ctx: SignedInContext & { appUrl: string }; input: z.infer<typeof submitInput> }) {
  return changeAndPublish(ctx, (tx, emitter) => submitInTx(ctx, tx, emitter, input));
}

/** The submission inside a caller's transaction (a package submits all its applications in one). */
export function submitInTx(ctx: SignedInContext & { appUrl: string }, tx: Tx, emitter: Emitter, input: { applicationId: string; version?: number; requestId: string }) {
  const { application, template, chatOperatorId } = getApplicationForActor(tx, ctx.actor, input.applicationId);
  if (application.submitRequestId === input.requestId && ctx.actor.dealerId === application.dealerId) {
    return { applicationId: application.id, status: application.status, version: application.version };
  }
  const now = ctx.clock.now();
  const confirmation = confirmationPlan(template, application.formData, now);
  const identified = tx.select({ party: identifications.party, values: identifications.values }).from(identifications).where(eq(identifications.applicationId, application.id)).all();
  const updated = transition(tx, {
    application,
    action: 'submit',
    actor: ctx.actor,
    facts: gatherFacts(tx, application, template, chatOperatorId),
    expectedVersion: input.version,
    changes: {
      submittedAt: now,
      submittedBy: ctx.actor.id,
      submitRequestId: input.requestId,
      subscriberConfirmedAt: null,
      disputedAt: null,
      claimedBy: null,
      claimActiveAt: null,
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      decisionComment: null,
      ...confirmation.changes,
      ...searchTermsOf(template, application.formData, identified),
    },
    audit: { confirmationMode: confirmation.route.mode },
    now,
  });
  issueConfirmationLink(tx, updated, template, { linkBase: ctx.appUrl, now, route: confirmation.route });
  announceApplicationChange(tx, emitter, updated, now, { key: 'applicationSubmitted', params: { number: updated.number } });
  return { applicationId: updated.id, status: updated.status, version: updated.version };
}
