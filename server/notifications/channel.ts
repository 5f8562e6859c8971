import type { NotificationChannelName } from '@/db/schema';

/** One message as a channel delivers it; `id` is the outbox row's, so a channel can drop a repeat. */
export interface OutgoingMessage {
  id: string;
  channel: NotificationChannelName;
  to: string;
  subject: string;
  text: string;
}

/** How a notification leaves the app: SMS gateway, SMTP, or the development inbox. */
export interface NotificationChannel {
  send(message: OutgoingMessage): Promise<void>;
}
