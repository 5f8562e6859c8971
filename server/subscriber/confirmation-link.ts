import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { confirmationLinks, notifications, type LinkPurpose } from '@/db/schema';
import { env } from '@/server/config/env';
import { confirmationRequest, decisionNotice, noticeToNumber } from '@/server/notifications/messages';
import { enqueueNotification } from '@/server/notifications/outbox';
import type { ApplicationRow } from '@/server/workflow/transition';
import type { TemplateDef } from '@/templates';
import { confirmationRoute, type ConfirmationRoute, type Recipient } from '@/templates/confirmation-route';
import { linkToken, tokenHash } from '@/server/notifications/link-token';

export const LINK_VALID_MS = 14 * 24 * 60 * 60 * 1000;

/** How long a subscriber without another contact has to say "this was not me" before the back office may approve (NO_CONTACT_WAIT_HOURS). */
export const waitingPeriodMs = () => env().NO_CONTACT_WAIT_HOURS * 3600_000;

/** What the submission writes on the application: where the confirmation goes and, without a contact, when the waiting ends. */
export function confirmationPlan(template: TemplateDef, formData: ApplicationRow['formData'], now: Date) {
  const route = confirmationRoute(template, formData);
  return {
    route,
    changes: { confirmationMode: route.mode, waitingPeriodEndsAt: route.mode === 'waitingPeriod' ? new Date(now.getTime() + waitingPeriodMs()) : null },
  };
}

/**
 * On submission: new links (any earlier one of this application stops working), one per
 * recipient, and their messages, in the same transaction as the submission. The confirmation goes
 * where the route says (the number itself, or the subscriber's other number / e-mail); when the
 * number's SIM cannot receive, the number still gets a notice whose link can only dispute.
 */
export async function issueConfirmationLink(tx: Tx, application: ApplicationRow, template: TemplateDef, input: { linkBase: string; now: Date; route: ConfirmationRoute }): Promise<void> {
  const { now, route } = input;
  await revokeLinks(tx, application.id, now);
  const send = async (purpose: LinkPurpose, { channel, recipient }: Recipient) => {
    const linkId = randomUUID();
    await tx
      .insert(confirmationLinks)
      .values({ id: linkId, applicationId: application.id, purpose, channel, recipient, tokenHash: tokenHash(linkToken(linkId)), linkBase: input.linkBase, expiresAt: new Date(now.getTime() + LINK_VALID_MS), createdAt: now });
    const text = (purpose === 'notice' ? noticeToNumber : confirmationRequest)({ number: application.number, template, linkBase: input.linkBase });
    await enqueueNotification(
      tx,
      { dedupeKey: `${purpose}:${linkId}:${channel}`, applicationId: application.id, linkId, kind: purpose === 'notice' ? 'notice' : 'confirmation-request', channel, recipient, subject: text.subject, body: channel === 'sms' ? text.sms : text.email },
      now,
    );
  };
  if (route.notice) await send('notice', route.notice);
  for (const recipient of route.confirm) await send('confirm', recipient);
}

/** A returned application's link stops working (and a message with it not yet sent is cancelled); the next submission sends a new one. */
export async function revokeLinks(tx: Tx, applicationId: string, now: Date): Promise<void> {
  const revoked = await tx
    .update(confirmationLinks)
    .set({ revokedAt: now })
    .where(and(eq(confirmationLinks.applicationId, applicationId), isNull(confirmationLinks.revokedAt)))
    .returning({ id: confirmationLinks.id });
  if (revoked.length === 0) return;
  await tx
    .update(notifications)
    .set({ status: 'cancelled', lastError: 'the link was replaced before this message left' })
    .where(and(inArray(notifications.linkId, revoked.map((l) => l.id)), eq(notifications.status, 'pending')));
}

/** After a decision: a second message to each recipient of the submission, with their own link (it now shows the outcome). */
export async function notifyDecision(tx: Tx, application: ApplicationRow, input: { now: Date }): Promise<void> {
  const links = await tx
    .select({ id: confirmationLinks.id, linkBase: confirmationLinks.linkBase })
    .from(confirmationLinks)
    .where(and(eq(confirmationLinks.applicationId, application.id), isNull(confirmationLinks.revokedAt)));
  if (links.length === 0) return;
  const text = decisionNotice({ number: application.number, status: application.status, linkBase: links[0]?.linkBase ?? '' });
  const first = await tx
    .select({ linkId: notifications.linkId, channel: notifications.channel, recipient: notifications.recipient })
    .from(notifications)
    .where(and(inArray(notifications.linkId, links.map((l) => l.id)), inArray(notifications.kind, ['confirmation-request', 'notice'])));
  for (const { linkId, channel, recipient } of first) {
    if (!linkId) continue;
    await enqueueNotification(
      tx,
      { dedupeKey: `decision:${linkId}:${application.status}:${channel}`, applicationId: application.id, linkId, kind: 'decision', channel, recipient, subject: text.subject, body: channel === 'sms' ? text.sms : text.email },
      input.now,
    );
  }
}
