import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { first, type Tx } from '@/db/client';
import { users } from '@/db/schema';
import type { ApplicationChange } from '@/server/applications/change-application';
import type { SignedInContext } from '@/server/context';
import { conflict } from '@/server/errors/domain-error';
import { confirmationState } from '@/server/subscriber/confirmation-state';
import { allowedActions, type ApplicationAction } from '@/server/workflow/transition-table';
import { liveClaimHolder } from './claim';

/** The input of a back-office step: the application, and (deciding) the version the employee saw. */
export const claimInput = z.object({ applicationId: z.uuid('invalidId') });
export const decideInput = claimInput.extend({ version: z.number().int().min(1) });

/** Who decided and when; deciding an unclaimed application claims it. */
export const decidedBy = (ctx: SignedInContext, now: Date) => ({ decidedBy: ctx.actor.id, decidedAt: now, claimedBy: ctx.actor.id, claimActiveAt: now });

const nameOf = async (tx: Tx, id: string | null) => (id ? ((await first(tx.select({ name: users.name }).from(users).where(eq(users.id, id))))?.name ?? '?') : '?');

/**
 * A back-office step through the one application pipeline: its guards judge the live claim and
 * the subscriber's confirmation; when the table refuses because the application left the back
 * office's hands (decided, or returned to the dealer), the conflict says who got there first.
 */
export function backOfficeStep(input: { applicationId: string; version?: number }, action: ApplicationAction, work: ApplicationChange['work']): ApplicationChange {
  return {
    applicationId: input.applicationId,
    action,
    expectedVersion: input.version,
    facts: async (tx, { application }, now) => {
      const settled = confirmationState(application, now);
      return { claimHolder: await liveClaimHolder(tx, application, now), subscriberConfirmed: settled.settled, waitingUntil: settled.waitingUntil };
    },
    explainWrongState: async (tx, { application }) => {
      const { status } = application;
      // Still in the back office's hands (disputed): the table's own wrong-state answer.
      if (allowedActions(status, 'backoffice').length > 0) return undefined;
      // Who decided it (a submission clears the decision), or else who returned it to the dealer.
      const name = await nameOf(tx, application.decidedBy ?? application.returnedBy);
      return conflict('errors.alreadyDecided', `This application is already ${status} (by ${name})`, { status, name });
    },
    work,
  };
}
