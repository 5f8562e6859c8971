import type { z } from 'zod';
import { changeApplication } from '@/server/applications/change-application';
import type { SignedInContext } from '@/server/context';
import { notifyDecision } from '@/server/subscriber/confirmation-link';
import { backOfficeStep, decidedBy, type decideInput } from './back-office-step';
import { confirmedVia } from './review';

/**
 * Approve: a sensitive application only after the subscriber confirmed (or, without a reachable
 * contact, after the waiting period with no dispute); the audit says which; the subscriber is told.
 */
export async function approveApplication({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof decideInput> }) {
  return changeApplication(
    ctx,
    backOfficeStep(input, 'approve', async ({ application }, tx, now) => ({
      changes: decidedBy(ctx, now),
      audit: application.sensitive ? { confirmedVia: await confirmedVia(tx, application, now) } : undefined,
      after: (tx, updated) => notifyDecision(tx, updated, { now }),
      note: { key: 'applicationApproved', params: { number: application.number } },
    })),
  );
}
