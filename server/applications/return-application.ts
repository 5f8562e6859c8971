import { z } from 'zod';
import type { SignedInContext } from '@/server/context';
import { multiLine } from '@/templates/validators/user-text';
import { changeApplication } from './change-application';
import { checkedRemarks } from './remarks';

export const returnInput = z.object({
  applicationId: z.uuid('invalidId'),
  version: z.number().int().min(1).optional(),
  remarks: z.record(z.string().max(120), multiLine().min(1, 'required').max(1000, 'tooLong')).default({}),
  note: multiLine().max(2000, 'tooLong').default(''),
});

/** Back to the dealer with remarks on fields (paths of the form, or parties.<party>.<field>, or _general). */
export function returnApplication({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof returnInput> }) {
  return changeApplication(ctx, {
    applicationId: input.applicationId,
    action: 'return',
    expectedVersion: input.version,
    work: ({ application, template }, _tx, now) => {
      const remarks = checkedRemarks(template, input);
      return {
        changes: { remarks, returnedAt: now, returnedBy: ctx.actor.id },
        audit: { remarks: Object.keys(remarks) },
        note: { key: 'applicationReturned', params: { number: application.number, name: ctx.actor.name } },
      };
    },
  });
}
