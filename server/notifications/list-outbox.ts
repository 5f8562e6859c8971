import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { applications, NOTIFICATION_STATUSES, notifications } from '@/db/schema';
import type { SignedInContext } from '@/server/context';

export const outboxInput = z.object({ status: z.enum(NOTIFICATION_STATUSES).optional(), limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 });

/** The outbox for admins: what was sent, what waits, what failed and why (`outboxEntryDto`). Bodies show `{token}`, never a token. */
export async function listOutbox({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof outboxInput> }) {
  return ctx.db
    .select({
      id: notifications.id,
      channel: notifications.channel,
      recipient: notifications.recipient,
      subject: notifications.subject,
      body: notifications.body,
      status: notifications.status,
      attempts: notifications.attempts,
      lastError: notifications.lastError,
      sentAt: notifications.sentAt,
      createdAt: notifications.createdAt,
      applicationNumber: applications.number,
    })
    .from(notifications)
    .leftJoin(applications, eq(applications.id, notifications.applicationId))
    .where(input.status ? eq(notifications.status, input.status) : undefined)
    .orderBy(desc(notifications.createdAt))
    .limit(input.limit);
}
