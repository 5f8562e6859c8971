import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { confirmationLinks, notifications } from '@/db/schema';
import { confirmationRequest, decisionNotice } from '@/server/notifications/messages';
import { enqueueNotification } from '@/server/notifications/outbox';
import { recipientsOf } from '@/server/notifications/recipients';
import type { ApplicationRow } from '@/server/workflow/transition';
import type { TemplateDef } from '@/templates';
import { linkToken, tokenHash } from './link-token';

export const LINK_VALID_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * On submission: a new confirmation link (any earlier one of this application stops working) and
 * a notification to the subscriber's own number and e-mail from the form, in the same
 * transaction as the submission.
 */
export function issueConfirmationLink(tx: Tx, application: ApplicationRow, template: TemplateDef, input: { linkBase: string; now: Date }): void {
  const { now } = input;
  revokeLinks(tx, application.id, now);
  const linkId = randomUUID();
  tx.insert(confirmationLinks)
    .values({ id: linkId, applicationId: application.id, tokenHash: tokenHash(linkToken(linkId)), linkBase: input.linkBase, expiresAt: new Date(now.getTime() + LINK_VALID_MS), createdAt: now })
    .run();
  const text = confirmationRequest({ number: application.number, template, linkBase: input.linkBase });
  for (const { channel, recipient } of recipientsOf(template, application.formData)) {
    enqueueNotification(
      tx,
      { dedupeKey: `confirm:${linkId}:${channel}`, applicationId: application.id, linkId, kind: 'confirmation-request', channel, recipient, subject: text.subject, body: channel === 'sms' ? text.sms : text.email },
      now,
    );
  }
}

/** A returned application's link stops working (and a message with it not yet sent is cancelled); the next submission sends a new one. */
export function revokeLinks(tx: Tx, applicationId: string, now: Date): void {
  const revoked = tx
    .update(confirmationLinks)
    .set({ revokedAt: now })
    .where(and(eq(confirmationLinks.applicationId, applicationId), isNull(confirmationLinks.revokedAt)))
    .returning({ id: confirmationLinks.id })
    .all();
  if (revoked.length === 0) return;
  tx.update(notifications)
    .set({ status: 'cancelled', lastError: 'the link was replaced before this message left' })
    .where(and(inArray(notifications.linkId, revoked.map((l) => l.id)), eq(notifications.status, 'pending')))
    .run();
}

/** After a decision: a second message to the same recipients, with the same link (it now shows the outcome). */
export function notifyDecision(tx: Tx, application: ApplicationRow, input: { now: Date }): void {
  const link = tx
    .select({ id: confirmationLinks.id, linkBase: confirmationLinks.linkBase })
    .from(confirmationLinks)
    .where(and(eq(confirmationLinks.applicationId, application.id), isNull(confirmationLinks.revokedAt)))
    .orderBy(desc(confirmationLinks.createdAt))
    .get();
  if (!link) return;
  const first = tx
    .select({ channel: notifications.channel, recipient: notifications.recipient })
    .from(notifications)
    .where(and(eq(notifications.linkId, link.id), eq(notifications.kind, 'confirmation-request')))
    .all();
  const text = decisionNotice({ number: application.number, status: application.status, linkBase: link.linkBase });
  for (const { channel, recipient } of first) {
    enqueueNotification(
      tx,
      { dedupeKey: `decision:${link.id}:${application.status}:${channel}`, applicationId: application.id, linkId: link.id, kind: 'decision', channel, recipient, subject: text.subject, body: channel === 'sms' ? text.sms : text.email },
      input.now,
    );
  }
}
