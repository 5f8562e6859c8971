import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { confirmationLinks } from '@/db/schema';
import { changeApplication } from '@/server/applications/change-application';
import { DomainError } from '@/server/errors/domain-error';
import { linkHolderStep, resolveLink, type SubscriberContext, type tokenInput } from './subscriber-link';

/** "Yes, I asked for this." Repeating it changes nothing. */
export async function confirmByLink({ ctx, input }: { ctx: SubscriberContext; input: z.infer<typeof tokenInput> }) {
  const link = await resolveLink(ctx, input.token);
  const step = linkHolderStep(ctx, link);
  const result = await changeApplication(step.ctx, {
    applicationId: link.applicationId,
    action: 'confirm',
    load: step.load,
    facts: () => ({ linkHolder: true }),
    isReplay: () => {
      const fresh = step.link();
      if (fresh.purpose === 'notice') throw new DomainError('forbidden', 'errors.noticeCannotConfirm', 'This link was sent to the number concerned; it can only say the application was not yours');
      if (fresh.confirmedAt) return true;
      if (fresh.disputedAt) throw new DomainError('conflict', 'errors.linkAnswered', 'You already said you did not ask for this application');
      return false;
    },
    work: ({ application }, _tx, now) => ({
      changes: { subscriberConfirmedAt: now },
      audit: { linkId: link.id, ip: ctx.ip },
      after: (tx) => tx.update(confirmationLinks).set({ confirmedAt: now, answerIp: ctx.ip, answerUserAgent: ctx.userAgent.slice(0, 500) }).where(eq(confirmationLinks.id, link.id)),
      note: { key: 'subscriberConfirmed', params: { number: application.number } },
    }),
  });
  return { status: result.status };
}
