import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { users } from '@/db/schema';
import { gatherFacts, getApplicationForActor, type LoadedApplication } from '@/server/applications/application-access';
import { announceApplicationChange } from '@/server/applications/application-events';
import { checkedRemarks } from '@/server/applications/change-application';
import type { SignedInContext } from '@/server/context';
import { conflict, invalid } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { notifyDecision, revokeLinks } from '@/server/subscriber/confirmation-link';
import { confirmationState } from '@/server/subscriber/confirmation-state';
import { transition, type TransitionRequest } from '@/server/workflow/transition';
import type { ApplicationAction } from '@/server/workflow/transition-table';
import { liveClaimHolder } from './claim';
import { REJECT_REASONS } from './reject-reasons';
import { confirmedVia } from './review';
import { multiLine } from '@/templates/validators/user-text';

const applicationId = z.uuid('invalidId');
const version = z.number().int().min(1);
export const claimInput = z.object({ applicationId });
export const decideInput = z.object({ applicationId, version });
export const rejectInput = decideInput.extend({
  reason: z.enum(REJECT_REASONS, 'rejectReasonRequired'),
  comment: multiLine().max(2000, 'tooLong').default(''),
});
export const backOfficeReturnInput = decideInput.extend({
  remarks: z.record(z.string().max(120), multiLine().min(1, 'required').max(1000, 'tooLong')).default({}),
  note: multiLine().max(2000, 'tooLong').default(''),
});

type Ctx = { ctx: SignedInContext };
interface Plan {
  changes?: TransitionRequest['changes'];
  audit?: Record<string, unknown>;
  note?: { key: string; params: Record<string, string> };
  /** More writes in the same transaction (the subscriber's notification, the link). */
  after?: (tx: Tx, updated: LoadedApplication['application']) => void;
}

const nameOf = (tx: Tx, id: string | null) => (id ? (tx.select({ name: users.name }).from(users).where(eq(users.id, id)).get()?.name ?? '?') : '?');

/**
 * A back-office step: load with the access check, say who got there first if the application
 * was already decided or returned, gather the claim and the subscriber's confirmation as guard
 * facts, and transition (audit event included) in one transaction.
 */
function backOfficeChange({ ctx }: Ctx, input: { applicationId: string; version?: number }, action: ApplicationAction, plan: (loaded: LoadedApplication, now: Date) => Plan) {
  return changeAndPublish(ctx, (tx, emitter) => {
    const loaded = getApplicationForActor(tx, ctx.actor, input.applicationId);
    const { application, template, chatOperatorId } = loaded;
    if (application.status !== 'submitted' && application.status !== 'disputed') {
      const name = nameOf(tx, application.status === 'approved' || application.status === 'rejected' ? application.decidedBy : application.returnedBy);
      throw conflict('errors.alreadyDecided', `This application is already ${application.status} (by ${name})`, { status: application.status, name });
    }
    const now = ctx.clock.now();
    const settled = confirmationState(application, now);
    const steps = plan(loaded, now);
    const updated = transition(tx, {
      application,
      action,
      actor: ctx.actor,
      facts: {
        ...gatherFacts(tx, application, template, chatOperatorId),
        claimHolder: liveClaimHolder(tx, application, now),
        subscriberConfirmed: settled.settled,
        waitingUntil: settled.waitingUntil,
      },
      expectedVersion: input.version,
      changes: steps.changes,
      audit: steps.audit,
      now,
    });
    steps.after?.(tx, updated);
    announceApplicationChange(tx, emitter, updated, now, steps.note);
    return { applicationId: updated.id, status: updated.status, version: updated.version };
  });
}

/** Take the application to work on it; others see it is taken. Claiming again refreshes the claim. */
export function claimApplication(args: Ctx & { input: z.infer<typeof claimInput> }) {
  return backOfficeChange(args, args.input, 'claim', (_, now) => ({ changes: { claimedBy: args.ctx.actor.id, claimActiveAt: now } }));
}

export function releaseApplication(args: Ctx & { input: z.infer<typeof claimInput> }) {
  return backOfficeChange(args, args.input, 'release', () => ({ changes: { claimedBy: null, claimActiveAt: null } }));
}

const decided = (args: Ctx, now: Date) => ({ decidedBy: args.ctx.actor.id, decidedAt: now, claimedBy: args.ctx.actor.id, claimActiveAt: now });

/**
 * Approve: a sensitive application only after the subscriber confirmed (or, without a reachable
 * contact, after the waiting period with no dispute); the audit says which; the subscriber is told.
 */
export function approveApplication(args: Ctx & { input: z.infer<typeof decideInput> }) {
  return backOfficeChange(args, args.input, 'approve', ({ application }, now) => ({
    changes: decided(args, now),
    audit: application.sensitive ? { confirmedVia: confirmedVia(args.ctx.db, application, now) } : undefined,
    after: (tx, updated) => notifyDecision(tx, updated, { now }),
    note: { key: 'applicationApproved', params: { number: application.number } },
  }));
}

/** Reject with a reason from the list (and words; required for "other"); the subscriber is told. */
export function rejectApplication(args: Ctx & { input: z.infer<typeof rejectInput> }) {
  const { input } = args;
  if (input.reason === 'other' && !input.comment) throw invalid('errors.rejectCommentRequired', 'Say why the application is rejected');
  return backOfficeChange(args, input, 'reject', ({ application }, now) => ({
    changes: { ...decided(args, now), decisionReason: input.reason, decisionComment: input.comment || null },
    audit: { reason: input.reason },
    after: (tx, updated) => notifyDecision(tx, updated, { now }),
    note: { key: 'applicationRejected', params: { number: application.number } },
  }));
}

/**
 * Back to the dealer with remarks: `filled` again, the verification and signatures cleared (so
 * the operator verifies and the parties sign anew), the link revoked until the next submission.
 */
export function returnToDealer(args: Ctx & { input: z.infer<typeof backOfficeReturnInput> }) {
  const { input } = args;
  return backOfficeChange(args, input, 'return', ({ application, template }, now) => ({
    changes: {
      remarks: checkedRemarks(template, input),
      returnedAt: now,
      returnedBy: args.ctx.actor.id,
      claimedBy: null,
      claimActiveAt: null,
      submitRequestId: null,
      subscriberConfirmedAt: null,
      confirmationMode: null,
      waitingPeriodEndsAt: null,
    },
    audit: { remarks: Object.keys(input.remarks) },
    after: (tx) => revokeLinks(tx, application.id, now),
    note: { key: 'applicationReturnedByBackOffice', params: { number: application.number } },
  }));
}
