import { z } from 'zod';
import { changeApplication } from '@/server/applications/change-application';
import type { SignedInContext } from '@/server/context';
import { invalid } from '@/server/errors/domain-error';
import { notifyDecision } from '@/server/subscriber/confirmation-link';
import { multiLine } from '@/templates/validators/user-text';
import { backOfficeStep, decidedBy, decideInput } from './back-office-step';
import { REJECT_REASONS } from './reject-reasons';

export const rejectInput = decideInput.extend({
  reason: z.enum(REJECT_REASONS, 'rejectReasonRequired'),
  comment: multiLine().max(2000, 'tooLong').default(''),
});

/** Reject with a reason from the list (and words; required for "other"); the subscriber is told. */
export async function rejectApplication({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof rejectInput> }) {
  if (input.reason === 'other' && !input.comment) throw invalid('errors.rejectCommentRequired', 'Say why the application is rejected');
  return changeApplication(
    ctx,
    backOfficeStep(input, 'reject', ({ application }, _tx, now) => ({
      changes: { ...decidedBy(ctx, now), decisionReason: input.reason, decisionComment: input.comment || null },
      audit: { reason: input.reason },
      after: (tx, updated) => notifyDecision(tx, updated, { now }),
      note: { key: 'applicationRejected', params: { number: application.number } },
    })),
  );
}
