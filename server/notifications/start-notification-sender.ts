import type { Db } from '@/db/client';
import { env } from '@/server/config/env';
import { logger } from '@/server/config/logger';
import type { Clock } from '@/server/context';
import { DevInboxChannel } from './dev-inbox-channel';
import { startNotificationSender } from './notification-sender';
import { SmtpChannel } from './smtp-channel';

/**
 * The outbox sender of this process. SMS goes to the development inbox (no SMS gateway is
 * connected yet); e-mail goes through SMTP when SMTP_URL is set, else to the same inbox.
 */
let running: ReturnType<typeof startNotificationSender> | undefined;

export function startNotifications(deps: { db: Db; clock: Clock }) {
  if (running) return running;
  const config = env();
  const dev = new DevInboxChannel();
  const email = config.SMTP_URL ? new SmtpChannel({ url: config.SMTP_URL, from: config.SMTP_FROM }) : dev;
  logger().info({ sms: 'development inbox', email: config.SMTP_URL ? 'smtp' : 'development inbox' }, 'notification sender started');
  running = startNotificationSender({ ...deps, channels: { sms: dev, email } });
  return running;
}
