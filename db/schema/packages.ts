import { createdAt, id, index, integer, json, table, text, timestamp, uniqueIndex } from './kit';
import { users } from './auth';
import { chats } from './chat';
import { dealers } from './dealers';

import type { CompanyDetails } from '../column-values';

export type { CompanyDetails } from '../column-values';

/** Legal entities seen before, by EDRPOU: the next package starts from their last details. */
export const companies = table('companies', {
  id: id(),
  edrpou: text().notNull().unique(),
  details: json<CompanyDetails>().notNull(),
  updatedAt: timestamp().notNull(),
  updatedBy: text()
    .notNull()
    .references(() => users.id),
  createdAt: createdAt(),
});

export const PACKAGE_STATUSES = ['draft', 'sent', 'opened'] as const;
export type PackageStatus = (typeof PACKAGE_STATUSES)[number];

/**
 * Documents an operator prepares in advance (server/packages/): for a legal entity (company
 * details once, one or more forms pre-filled from them) or for one person (a single form). Sent
 * into a chat, it becomes the chat's applications when the dealer opens it.
 */
export const packages = table(
  'packages',
  {
    id: id(),
    number: text().notNull().unique(),
    kind: text({ enum: ['legal-entity', 'individual'] }).notNull(),
    companyId: text().references(() => companies.id),
    /** The details as the package carries them (a copy: later changes of the company do not reach it). */
    details: json<CompanyDetails>(),
    title: text().notNull(),
    status: text({ enum: PACKAGE_STATUSES }).notNull().default('draft'),
    version: integer().notNull().default(1),
    createdBy: text()
      .notNull()
      .references(() => users.id),
    chatId: text().references(() => chats.id),
    dealerId: text().references(() => dealers.id),
    sentAt: timestamp(),
    openedAt: timestamp(),
    createdAt: createdAt(),
    updatedAt: timestamp().notNull(),
  },
  (t) => [index('packages_company_idx').on(t.companyId), index('packages_chat_idx').on(t.chatId), index('packages_updated_idx').on(t.updatedAt)],
);

/** One form of a package: the operator's pre-filled values, and the application it became. */
export const packageItems = table(
  'package_items',
  {
    id: id(),
    packageId: text()
      .notNull()
      .references(() => packages.id),
    position: integer().notNull(),
    templateId: text().notNull(),
    formData: json<Record<string, Record<string, unknown>>>().notNull(),
    applicationId: text(),
  },
  (t) => [uniqueIndex('package_items_position_idx').on(t.packageId, t.position)],
);
