import type { z } from 'zod';
import { changeApplication } from '@/server/applications/change-application';
import type { SignedInContext } from '@/server/context';
import { backOfficeStep, type claimInput } from './back-office-step';

/** Let go of a claimed application: anyone in the back office may take it. */
export async function releaseApplication({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof claimInput> }) {
  return changeApplication(ctx, backOfficeStep(input, 'release', () => ({ changes: { claimedBy: null, claimActiveAt: null } })));
}
