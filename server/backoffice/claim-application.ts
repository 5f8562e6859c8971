import type { z } from 'zod';
import { changeApplication } from '@/server/applications/change-application';
import type { SignedInContext } from '@/server/context';
import { backOfficeStep, type claimInput } from './back-office-step';

/** Take the application to work on it; others see it is taken. Claiming again refreshes the claim. */
export async function claimApplication({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof claimInput> }) {
  return changeApplication(ctx, backOfficeStep(input, 'claim', (_, _tx, now) => ({ changes: { claimedBy: ctx.actor.id, claimActiveAt: now } })));
}
