import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction } from '@/db/client';
import { applications, NOTIFICATION_STATUSES, notifications } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { conflict, notFound } from '@/server/errors/domain-error';
import { readDevInbox } from './dev-inbox-channel';

export const outboxInput = z.object({ status: z.enum(NOTIFICATION_STATUSES).optional(), limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 });
export const retryInput = z.object({ notificationId: z.uuid('invalidId') });

/** The outbox for admins: what was sent, what waits, what failed and why. Bodies show `{token}`, never a token. */
export function listOutbox({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof outboxInput> }) {
  return ctx.db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      channel: notifications.channel,
      recipient: notifications.recipient,
      subject: notifications.subject,
      body: notifications.body,
      status: notifications.status,
      attempts: notifications.attempts,
      nextAttemptAt: notifications.nextAttemptAt,
      lastError: notifications.lastError,
      sentAt: notifications.sentAt,
      createdAt: notifications.createdAt,
      applicationNumber: applications.number,
    })
    .from(notifications)
    .leftJoin(applications, eq(applications.id, notifications.applicationId))
    .where(input.status ? eq(notifications.status, input.status) : undefined)
    .orderBy(desc(notifications.createdAt))
    .limit(input.limit)
    .all();
}

/** Sends a failed notification again from the first attempt (audited). */
export function retryNotification({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof retryInput> }) {
  return inTransaction(ctx.db, (tx) => {
    const row = tx.select().from(notifications).where(eq(notifications.id, input.notificationId)).get();
    if (!row) throw notFound('Notification');
    if (row.status !== 'failed') throw conflict('errors.notificationNotFailed', `Only a failed notification can be retried; this one is ${row.status}`, { status: row.status });
    const now = ctx.clock.now();
    tx.update(notifications)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
      .where(and(eq(notifications.id, row.id), eq(notifications.status, 'failed')))
      .run();
    writeAuditEvent(tx, { at: now, ...auditActor(ctx.actor), action: 'notification.retry', entityType: 'notification', entityId: row.id, data: { lastError: row.lastError } });
    return { notificationId: row.id, status: 'pending' as const };
  });
}

/** The development SMS / e-mail inbox (only admins: it holds working links). */
export function devInbox(limit = 100) {
  return readDevInbox()
    .slice(0, limit)
    .map((e) => ({ id: e.id, channel: e.channel, to: e.to, subject: e.subject, text: e.text, deliveredAt: new Date(e.deliveredAt) }));
}
