import { z } from 'zod';
import { changeApplication } from '@/server/applications/change-application';
import { checkedRemarks } from '@/server/applications/remarks';
import type { SignedInContext } from '@/server/context';
import { revokeLinks } from '@/server/subscriber/confirmation-link';
import { multiLine } from '@/templates/validators/user-text';
import { backOfficeStep, decideInput } from './back-office-step';

export const backOfficeReturnInput = decideInput.extend({
  remarks: z.record(z.string().max(120), multiLine().min(1, 'required').max(1000, 'tooLong')).default({}),
  note: multiLine().max(2000, 'tooLong').default(''),
});

/**
 * Back to the dealer with remarks: `filled` again, the verification and signatures cleared (so
 * the operator verifies and the parties sign anew), the link revoked until the next submission.
 */
export async function returnToDealer({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof backOfficeReturnInput> }) {
  return changeApplication(
    ctx,
    backOfficeStep(input, 'return', ({ application, template }, _tx, now) => ({
      changes: {
        remarks: checkedRemarks(template, input),
        returnedAt: now,
        returnedBy: ctx.actor.id,
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
    })),
  );
}
