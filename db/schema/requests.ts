import { boolean, id, index, integer, table, text, timestamp, uniqueIndex } from './kit';
import { users } from './auth';
import { applications } from './applications';
import { attachments, chats } from './chat';
import { visitors } from './widget';
import { LOCALES, REQUEST_MESSAGE_KINDS, REQUEST_STATUSES } from '../column-values';

/**
 * The categories of written requests, with their promised times in business hours of the back
 * office's calendar (BACKOFFICE_HOURS, HOLIDAYS; docs/requests.md). Seeded with defaults
 * (server/seed/request-categories.ts); admins change names, targets, order and whether a category
 * is offered.
 */
export const requestCategories = table('request_categories', {
  key: text().primaryKey(),
  nameUk: text().notNull(),
  nameEn: text().notNull(),
  firstResponseHours: integer().notNull(),
  resolutionHours: integer().notNull(),
  active: boolean().notNull().default(true),
  sort: integer().notNull().default(0),
});

/**
 * A subscriber's written request to the back office (docs/requests.md). `dueAt` is the next due
 * time (the first response while unanswered, else the resolution; null while waiting for the
 * subscriber or when resolved or closed): the inbox sorts by it. The private link's token is kept
 * only as its sha256. `version` is bumped by every change (compare-and-set).
 */
export const requests = table(
  'requests',
  {
    id: id(),
    /** Z-2026-000123 (counters). */
    number: text().notNull().unique(),
    category: text()
      .notNull()
      .references(() => requestCategories.key),
    status: text({ enum: REQUEST_STATUSES }).notNull().default('new'),
    /** The proven number, +380XXXXXXXXX, or null when the subscriber proved an e-mail address. */
    msisdn: text(),
    email: text(),
    locale: text({ enum: LOCALES }).notNull().default('uk'),
    visitorId: text().references(() => visitors.id),
    subject: text().notNull(),
    consentAt: timestamp().notNull(),
    assigneeId: text().references(() => users.id),
    createdAt: timestamp().notNull(),
    firstResponseAt: timestamp(),
    resolvedAt: timestamp(),
    closedAt: timestamp(),
    reopenCount: integer().notNull().default(0),
    firstResponseDueAt: timestamp().notNull(),
    resolutionDueAt: timestamp().notNull(),
    slaPausedAt: timestamp(),
    /** Business milliseconds the clock has been paused so far (waiting for the subscriber). */
    slaPausedMs: integer().notNull().default(0),
    dueAt: timestamp(),
    /** When less than 25 % of dueAt's target is left (the inbox's "at risk"); null with dueAt. */
    riskAt: timestamp(),
    mergedIntoId: text(),
    applicationId: text().references(() => applications.id),
    chatId: text().references(() => chats.id),
    rating: integer(),
    ratingComment: text(),
    ratedAt: timestamp(),
    linkTokenHash: text().notNull().unique(),
    linkExpiresAt: timestamp().notNull(),
    version: integer().notNull().default(1),
    updatedAt: timestamp().notNull(),
  },
  (t) => [
    index('requests_status_due_idx').on(t.status, t.dueAt),
    index('requests_assignee_status_due_idx').on(t.assigneeId, t.status, t.dueAt),
    index('requests_category_status_due_idx').on(t.category, t.status, t.dueAt),
    index('requests_created_idx').on(t.createdAt),
    // Resolved and closed requests newest first (no running clock: due_at is null): docs/benchmarks.md, "Written requests' inbox".
    index('requests_status_created_idx').on(t.status, t.createdAt),
    index('requests_msisdn_idx').on(t.msisdn),
    index('requests_merged_into_idx').on(t.mergedIntoId),
  ],
);

/** A request's lines, numbered per request: the subscriber's, replies, internal notes, system lines. */
export const requestMessages = table(
  'request_messages',
  {
    id: id(),
    requestId: text()
      .notNull()
      .references(() => requests.id),
    seq: integer().notNull(),
    kind: text({ enum: REQUEST_MESSAGE_KINDS }).notNull(),
    /** The back office user who wrote a reply or a note; null for the subscriber and the system. */
    authorId: text().references(() => users.id),
    body: text().notNull(),
    attachmentId: text().references(() => attachments.id),
    createdAt: timestamp().notNull(),
  },
  (t) => [uniqueIndex('request_messages_seq_idx').on(t.requestId, t.seq)],
);
