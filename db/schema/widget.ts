import { boolean, createdAt, id, index, integer, table, text, timestamp, uniqueIndex } from './kit';
import { CANNED_REPLY_SCOPES, LOCALES, ONE_TIME_CODE_CHANNELS, VISITOR_PROOFS } from '../column-values';

/**
 * A person chatting through the subscriber widget (the company's site, the self-service portal).
 * A guest until they prove a number (a code by SMS, or the portal's signed token) or, abroad, an
 * e-mail address; one row per proven number, so a subscriber who proves it again on another
 * device finds their conversation. Visitors have no account and no staff session.
 */
export const visitors = table(
  'visitors',
  {
    id: id(),
    /** The proven Ukrainian mobile number, +380XXXXXXXXX; null for a guest. */
    msisdn: text(),
    /** The proven e-mail address (a subscriber abroad whom SMS does not reach); null otherwise. */
    email: text(),
    verifiedBy: text({ enum: VISITOR_PROOFS }),
    verifiedAt: timestamp(),
    locale: text({ enum: LOCALES }).notNull().default('uk'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('visitors_msisdn_idx').on(t.msisdn), uniqueIndex('visitors_email_idx').on(t.email)],
);

/** A widget session: a bearer token (stored hashed) the iframe keeps; never a staff cookie. */
export const visitorSessions = table(
  'visitor_sessions',
  {
    id: id(),
    tokenHash: text().notNull().unique(),
    visitorId: text()
      .notNull()
      .references(() => visitors.id),
    /** The page that embedded the widget, as the browser said (an allowed origin). */
    origin: text(),
    expiresAt: timestamp().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('visitor_sessions_visitor_idx').on(t.visitorId)],
);

/**
 * One-time codes sent to prove a number (SMS) or an address (e-mail): stored hashed, bound to the
 * session that asked, valid for minutes, a few attempts. The rows are also the counters of the
 * caps per destination, address and day (SMS pumping).
 */
export const oneTimeCodes = table(
  'one_time_codes',
  {
    id: id(),
    channel: text({ enum: ONE_TIME_CODE_CHANNELS }).notNull(),
    destination: text().notNull(),
    sessionId: text()
      .notNull()
      .references(() => visitorSessions.id),
    codeHash: text().notNull(),
    attempts: integer().notNull().default(0),
    ip: text().notNull(),
    createdAt: timestamp().notNull(),
    expiresAt: timestamp().notNull(),
    consumedAt: timestamp(),
  },
  (t) => [
    index('one_time_codes_destination_idx').on(t.destination, t.createdAt),
    index('one_time_codes_ip_idx').on(t.ip, t.createdAt),
    index('one_time_codes_session_idx').on(t.sessionId, t.createdAt),
  ],
);

/** Ready answers to common questions, in both languages, managed by admins, inserted by operators. */
export const cannedReplies = table('canned_replies', {
  id: id(),
  /** Which conversations it is for; the back office's written requests may add their own. */
  scope: text({ enum: CANNED_REPLY_SCOPES }).notNull().default('subscriber'),
  titleUk: text().notNull(),
  titleEn: text().notNull(),
  bodyUk: text().notNull(),
  bodyEn: text().notNull(),
  active: boolean().notNull().default(true),
  createdAt: createdAt(),
  updatedAt: timestamp().notNull(),
});
