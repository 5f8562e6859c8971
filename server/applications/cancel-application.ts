import { z } from 'zod';
import type { SignedInContext } from '@/server/context';
import { changeApplication } from './change-application';

export const cancelInput = z.object({ applicationId: z.uuid('invalidId'), version: z.number().int().min(1).optional() });

/** The dealer or the chat's operator cancels an application not yet submitted. */
export function cancelApplication({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof cancelInput> }) {
  return changeApplication(ctx, { applicationId: input.applicationId, action: 'cancel', expectedVersion: input.version, work: (_, _tx, now) => ({ changes: { cancelledAt: now } }) });
}
