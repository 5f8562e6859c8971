import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { confirmationLinks } from '@/db/schema';
import { changeApplication } from '@/server/applications/change-application';
import { multiLine } from '@/templates/validators/user-text';
import { linkHolderStep, resolveLink, tokenInput, type SubscriberContext } from './subscriber-link';

export const disputeInput = tokenInput.extend({ comment: multiLine().max(2000, 'tooLong').default('') });

/** "I did not ask for this": the application is frozen (`disputed`), flagged for the back office, with the address and time. */
export async function disputeByLink({ ctx, input }: { ctx: SubscriberContext; input: z.infer<typeof disputeInput> }) {
  const link = await resolveLink(ctx, input.token);
  const step = linkHolderStep(ctx, link);
  const result = await changeApplication(step.ctx, {
    applicationId: link.applicationId,
    action: 'dispute',
    load: step.load,
    facts: () => ({ linkHolder: true }),
    isReplay: () => step.link().disputedAt !== null,
    work: ({ application }, _tx, now) => ({
      changes: { disputedAt: now },
      audit: { linkId: link.id, ip: ctx.ip, userAgent: ctx.userAgent.slice(0, 200) },
      after: (tx) =>
        tx
          .update(confirmationLinks)
          .set({ disputedAt: now, disputeComment: input.comment || null, answerIp: ctx.ip, answerUserAgent: ctx.userAgent.slice(0, 500) })
          .where(eq(confirmationLinks.id, link.id)),
      note: { key: 'subscriberDisputed', params: { number: application.number } },
    }),
  });
  return { status: result.status };
}
