import { boolean, createdAt, id, index, integer, json, table, text, timestamp, uniqueIndex } from './kit';
import { users } from './auth';
import { chats } from './chat';
import { dealers, pointsOfSale } from './dealers';
import { packages } from './packages';

import { APPLICATION_STATUSES, CONFIRMATION_MODES } from '../column-values';

export { APPLICATION_STATUSES, type ApplicationStatus } from '../column-values';

/**
 * An application (заява) made in a chat from a template. `status` is written only by
 * server/workflow/transition.ts; `version` grows with every change, so concurrent changes have
 * exactly one winner.
 */
export const applications = table(
  'applications',
  {
    id: id(),
    number: text().notNull().unique(),
    chatId: text()
      .notNull()
      .references(() => chats.id),
    dealerId: text()
      .notNull()
      .references(() => dealers.id),
    pointOfSaleId: text().references(() => pointsOfSale.id),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    templateId: text().notNull(),
    templateVersion: integer().notNull(),
    status: text({ enum: APPLICATION_STATUSES }).notNull().default('draft'),
    version: integer().notNull().default(1),
    /** The day the application is made, `YYYY-MM-DD` (Kyiv): "not expired", "adult" are judged on it. */
    applicationDate: text().notNull(),
    formData: json<Record<string, Record<string, unknown>>>().notNull(),
    verifiedBy: text().references(() => users.id),
    verifiedAt: timestamp(),
    /** The operator's (or back office's) remarks when returned: field path → text; `_general` for the whole. */
    remarks: json<Record<string, string>>(),
    returnedAt: timestamp(),
    returnedBy: text().references(() => users.id),
    cancelledAt: timestamp(),
    /** The sealed PDF: storage key and sha256 of the exact bytes; a new signing is a new file. */
    pdfKey: text(),
    pdfSha256: text(),
    sealedAt: timestamp(),
    /** Submission: the dealer's request id makes a retried submit a no-op. */
    submittedAt: timestamp(),
    submittedBy: text().references(() => users.id),
    submitRequestId: text(),
    /** Copied from the template, so the back office can filter on it. */
    sensitive: boolean().notNull().default(false),
    subscriberConfirmedAt: timestamp(),
    disputedAt: timestamp(),
    /**
     * Where the submission's confirmation went (templates/confirmation-route.ts): the number
     * itself, the subscriber's other contact, or nowhere — then approval waits until
     * `waitingPeriodEndsAt` without a dispute.
     */
    confirmationMode: text({ enum: CONFIRMATION_MODES }),
    waitingPeriodEndsAt: timestamp(),
    /** The back-office employee working on it; the claim lapses after 30 minutes without activity. */
    claimedBy: text().references(() => users.id),
    claimActiveAt: timestamp(),
    decidedBy: text().references(() => users.id),
    decidedAt: timestamp(),
    /** A reason code from server/backoffice/reject-reasons.ts, and the employee's words. */
    decisionReason: text(),
    decisionComment: text(),
    /**
     * Written on submission for the back office's search (server/backoffice/search-terms.ts): the
     * identified people's names as shown, and those names lowercased with every phone number of the
     * form as digits.
     */
    subscriberName: text(),
    searchText: text(),
    /** Made from an operator's package (server/packages/); the fields the operator filled in. */
    packageId: text().references(() => packages.id),
    prefilledPaths: json<string[]>(),
    createdAt: createdAt(),
    updatedAt: timestamp().notNull(),
  },
  (t) => [
    index('applications_pdf_sha_idx').on(t.pdfSha256),
    index('applications_dealer_created_idx').on(t.dealerId, t.createdAt),
    // The dealer's list filtered by state: the good plan with or without ANALYZE (docs/benchmarks.md).
    index('applications_dealer_status_created_idx').on(t.dealerId, t.status, t.createdAt),
    index('applications_chat_idx').on(t.chatId),
    index('applications_status_idx').on(t.status, t.createdAt),
    // The back-office queue: oldest submitted first, within a status (see docs/backoffice.md).
    index('applications_queue_idx').on(t.status, t.submittedAt),
    index('applications_dealer_queue_idx').on(t.dealerId, t.status, t.submittedAt),
    index('applications_pos_queue_idx').on(t.pointOfSaleId, t.status, t.submittedAt),
    index('applications_template_queue_idx').on(t.templateId, t.status, t.submittedAt),
    index('applications_package_idx').on(t.packageId),
  ],
);

/** One party's identification: the document checked in person, and the dealer's attestation. */
export const identifications = table(
  'identifications',
  {
    id: id(),
    applicationId: text()
      .notNull()
      .references(() => applications.id),
    party: text().notNull(),
    values: json<Record<string, unknown>>().notNull(),
    attestedBy: text()
      .notNull()
      .references(() => users.id),
    attestedAt: timestamp().notNull(),
    attestedPointOfSaleId: text().references(() => pointsOfSale.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('identifications_party_idx').on(t.applicationId, t.party)],
);

/** A drawn (PNG) or typed signature of a party or of the dealer, with when, where and from which device. */
export const signatures = table(
  'signatures',
  {
    id: id(),
    applicationId: text()
      .notNull()
      .references(() => applications.id),
    party: text().notNull(),
    signerName: text().notNull(),
    imageKey: text(),
    typedName: text(),
    signedAt: timestamp().notNull(),
    ip: text().notNull(),
    userAgent: text().notNull(),
    pointOfSaleId: text().references(() => pointsOfSale.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('signatures_party_idx').on(t.applicationId, t.party)],
);

/** Named counters (application numbers DD-2026-000123). */
export const counters = table('counters', {
  name: text().primaryKey(),
  value: integer().notNull(),
});
