import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { confirmationLinks } from '@/db/schema';
import { announceApplicationChange } from '@/server/applications/application-events';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { transition } from '@/server/workflow/transition';
import { multiLine } from '@/templates/validators/user-text';
import { resolveLink, reread, subscriberActor, type SubscriberContext, tokenInput } from './subscriber-link';

export const disputeInput = tokenInput.extend({ comment: multiLine().max(2000, 'tooLong').default('') });

/** "I did not ask for this": the application is frozen (`disputed`), flagged for the back office, with the address and time. */
export function disputeByLink({ ctx, input }: { ctx: SubscriberContext; input: z.infer<typeof disputeInput> }) {
  const link = resolveLink(ctx, input.token);
  return changeAndPublish(ctx, (tx, emitter) => {
    const { fresh, application } = reread(tx, link);
    if (fresh.disputedAt) return { status: application.status };
    const now = ctx.clock.now();
    const updated = transition(tx, {
      application,
      action: 'dispute',
      actor: subscriberActor(fresh),
      facts: { allPartiesIdentified: true, linkHolder: true },
      changes: { disputedAt: now },
      audit: { linkId: fresh.id, ip: ctx.ip, userAgent: ctx.userAgent.slice(0, 200) },
      now,
    });
    tx.update(confirmationLinks)
      .set({ disputedAt: now, disputeComment: input.comment || null, answerIp: ctx.ip, answerUserAgent: ctx.userAgent.slice(0, 500) })
      .where(eq(confirmationLinks.id, fresh.id))
      .run();
    announceApplicationChange(tx, emitter, updated, now, { key: 'subscriberDisputed', params: { number: updated.number } });
    return { status: updated.status };
  });
}
