import { z } from 'zod';
import type { SignedInContext } from '@/server/context';
import { changeApplication } from './change-application';

export const verifyInput = z.object({ applicationId: z.uuid('invalidId'), version: z.number().int().min(1).optional() });

/** The chat's operator checked everything: `verified`, and a note in the chat. */
export function verifyApplication({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof verifyInput> }) {
  return changeApplication(ctx, {
    applicationId: input.applicationId,
    action: 'verify',
    expectedVersion: input.version,
    work: ({ application }, _tx, now) => ({
      changes: { verifiedBy: ctx.actor.id, verifiedAt: now },
      note: { key: 'applicationVerified', params: { number: application.number, name: ctx.actor.name } },
    }),
  });
}
