import { autoId, createdAt, id, index, integer, table, text, timestamp, uniqueIndex } from './kit';
import { applications } from './applications';

export const NOTIFICATION_CHANNELS = ['sms', 'email'] as const;
export type NotificationChannelName = (typeof NOTIFICATION_CHANNELS)[number];
export const LINK_PURPOSES = ['confirm', 'notice'] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/**
 * The subscriber's confirmation link of one submission. Only the sha256 of the token is stored;
 * the token itself is derived (HMAC of the link id with the server's link secret) when a
 * notification is sent, so neither this table nor the outbox ever holds it.
 */
export const confirmationLinks = table(
  'confirmation_links',
  {
    id: id(),
    applicationId: text()
      .notNull()
      .references(() => applications.id),
    tokenHash: text().notNull(),
    /**
     * `confirm`: the subscriber confirms or disputes; `notice`: sent to the number concerned when
     * its SIM cannot receive — it can only say "this was not me". One link per recipient, so the
     * back office sees which channel answered.
     */
    purpose: text({ enum: LINK_PURPOSES }).notNull().default('confirm'),
    channel: text({ enum: NOTIFICATION_CHANNELS }),
    recipient: text(),
    /** The app's address the dealer used (`https://…`); the link is `<linkBase>/s/<token>`. */
    linkBase: text().notNull(),
    expiresAt: timestamp().notNull(),
    /** A newer submission of the same application replaced this link. */
    revokedAt: timestamp(),
    opens: integer().notNull().default(0),
    lastOpenedAt: timestamp(),
    confirmedAt: timestamp(),
    disputedAt: timestamp(),
    disputeComment: text(),
    /** Where the subscriber's answer came from (a dispute is evidence). */
    answerIp: text(),
    answerUserAgent: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('confirmation_links_token_idx').on(t.tokenHash), index('confirmation_links_application_idx').on(t.applicationId)],
);

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The outbox: written in the same transaction as the change it tells about, delivered afterwards
 * by server/notifications/notification-sender.ts with retries. `body` holds `{token}` where the
 * confirmation link's token goes; it is filled in only at the moment of sending. A request whose
 * link was replaced before it left is `cancelled`.
 */
export const notifications = table(
  'notifications',
  {
    id: id(),
    /** One notification per (event, channel): a replayed change cannot queue a second one. */
    dedupeKey: text().notNull().unique(),
    applicationId: text().references(() => applications.id),
    linkId: text().references(() => confirmationLinks.id),
    kind: text().notNull(),
    channel: text({ enum: NOTIFICATION_CHANNELS }).notNull(),
    recipient: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    status: text({ enum: NOTIFICATION_STATUSES }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    /** When to try next; while `sending`, when the attempt's lease runs out. */
    nextAttemptAt: timestamp().notNull(),
    lastError: text(),
    sentAt: timestamp(),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_due_idx').on(t.status, t.nextAttemptAt), index('notifications_application_idx').on(t.applicationId)],
);

/** Failed confirmation-link lookups per client address, for the rate limit (server/subscriber/link-throttle.ts). */
export const linkLookupFailures = table(
  'link_lookup_failures',
  {
    id: autoId(),
    ip: text().notNull(),
    at: timestamp().notNull(),
  },
  (t) => [index('link_lookup_failures_ip_idx').on(t.ip, t.at)],
);
