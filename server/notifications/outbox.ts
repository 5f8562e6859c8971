import type { Tx } from '@/db/client';
import { notifications, type NotificationChannelName } from '@/db/schema';

export interface NotificationDraft {
  /** Unique per (event, channel): queuing the same one twice keeps the first. */
  dedupeKey: string;
  applicationId: string | null;
  linkId?: string | null;
  kind: string;
  channel: NotificationChannelName;
  recipient: string;
  subject: string;
  /** `{token}` is replaced by the confirmation link's token at the moment of sending. */
  body: string;
}

/** Queues a notification in the caller's transaction: it exists if and only if the change does. */
export async function enqueueNotification(tx: Tx, draft: NotificationDraft, now: Date): Promise<void> {
  await tx
    .insert(notifications)
    .values({ ...draft, linkId: draft.linkId ?? null, status: 'pending', attempts: 0, nextAttemptAt: now, createdAt: now })
    .onConflictDoNothing({ target: notifications.dedupeKey });
}
