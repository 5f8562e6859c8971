import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { confirmationLinks } from '@/db/schema';
import { announceApplicationChange } from '@/server/applications/application-events';
import { DomainError } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { transition } from '@/server/workflow/transition';
import { resolveLink, reread, subscriberActor, type SubscriberContext, type tokenInput } from './subscriber-link';

/** "Yes, I asked for this." Repeating it changes nothing. */
export function confirmByLink({ ctx, input }: { ctx: SubscriberContext; input: z.infer<typeof tokenInput> }) {
  const link = resolveLink(ctx, input.token);
  return changeAndPublish(ctx, (tx, emitter) => {
    const { fresh, application } = reread(tx, link);
    if (fresh.purpose === 'notice') throw new DomainError('forbidden', 'errors.noticeCannotConfirm', 'This link was sent to the number concerned; it can only say the application was not yours');
    if (fresh.confirmedAt) return { status: application.status };
    if (fresh.disputedAt) throw new DomainError('conflict', 'errors.linkAnswered', 'You already said you did not ask for this application');
    const now = ctx.clock.now();
    const updated = transition(tx, {
      application,
      action: 'confirm',
      actor: subscriberActor(fresh),
      facts: { allPartiesIdentified: true, linkHolder: true },
      changes: { subscriberConfirmedAt: now },
      audit: { linkId: fresh.id, ip: ctx.ip },
      now,
    });
    tx.update(confirmationLinks).set({ confirmedAt: now, answerIp: ctx.ip, answerUserAgent: ctx.userAgent.slice(0, 500) }).where(eq(confirmationLinks.id, fresh.id)).run();
    announceApplicationChange(tx, emitter, updated, now, { key: 'subscriberConfirmed', params: { number: updated.number } });
    return { status: updated.status };
  });
}
