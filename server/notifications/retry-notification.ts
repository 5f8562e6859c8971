import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { first, inTransaction } from '@/db/client';
import { notifications } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { conflict, notFound } from '@/server/errors/domain-error';

export const retryInput = z.object({ notificationId: z.uuid('invalidId') });

/** Sends a failed notification again from the first attempt (audited). */
export async function retryNotification({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof retryInput> }) {
  return inTransaction(ctx.db, async (tx) => {
    const row = await first(tx.select().from(notifications).where(eq(notifications.id, input.notificationId)));
    if (!row) throw notFound('Notification');
    if (row.status !== 'failed') throw conflict('errors.notificationNotFailed', `Only a failed notification can be retried; this one is ${row.status}`, { status: row.status });
    const now = ctx.clock.now();
    await tx
      .update(notifications)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now })
      .where(and(eq(notifications.id, row.id), eq(notifications.status, 'failed')));
    await writeAuditEvent(tx, { at: now, ...auditActor(ctx.actor), action: 'notification.retry', entityType: 'notification', entityId: row.id, data: { lastError: row.lastError } });
    return { notificationId: row.id, status: 'pending' as const };
  });
}
