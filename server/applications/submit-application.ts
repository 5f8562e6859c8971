import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { identifications } from '@/db/schema';
import { searchTermsOf } from '@/server/backoffice/search-terms';
import type { SignedInContext } from '@/server/context';
import { confirmationPlan, issueConfirmationLink } from '@/server/subscriber/confirmation-link';
import { changeApplication, type ApplicationChange } from './change-application';

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
  return changeApplication(ctx, submission(ctx, input));
}

/** The submission as a step of the pipeline (a package submits all its applications in one transaction). */
export function submission(ctx: SignedInContext & { appUrl: string }, input: { applicationId: string; version?: number; requestId: string }): ApplicationChange {
  return {
    applicationId: input.applicationId,
    action: 'submit',
    expectedVersion: input.version,
    isReplay: ({ application }) => application.submitRequestId === input.requestId && ctx.actor.dealerId === application.dealerId,
    work: async ({ application, template }, tx, now) => {
      const confirmation = confirmationPlan(template, application.formData, now);
      const identified = await tx.select({ party: identifications.party, values: identifications.values }).from(identifications).where(eq(identifications.applicationId, application.id));
      return {
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
        after: (tx, updated) => issueConfirmationLink(tx, updated, template, { linkBase: ctx.appUrl, now, route: confirmation.route }),
        note: { key: 'applicationSubmitted', params: { number: application.number } },
      };
    },
  };
}
