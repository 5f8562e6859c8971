import { z } from 'zod';
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES } from '@/db/schema';

/** A line of the admins' outbox: where it went, how it fared, and why not. */
export const outboxEntryDto = z.object({
  id: z.string(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  recipient: z.string(),
  subject: z.string(),
  /** As stored: `{token}` where the link's token goes, never the token. */
  body: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  sentAt: z.date().nullable(),
  createdAt: z.date(),
  applicationNumber: z.string().nullable(),
});

export const outboxDto = z.array(outboxEntryDto);

export const retriedDto = z.object({ notificationId: z.string(), status: z.literal('pending') });

/** A message of the development inbox, as the admin panel shows it. */
export const devInboxEntryDto = z.object({ id: z.string(), channel: z.enum(NOTIFICATION_CHANNELS), to: z.string(), text: z.string(), deliveredAt: z.date() });
export const devInboxDto = z.array(devInboxEntryDto);
