import { autoId, boolean, createdAt, id, index, table, text, timestamp } from './kit';
import { dealers, pointsOfSale } from './dealers';

import { ROLES } from '../column-values';

export { ROLES, type Role } from '../column-values';

/**
 * People who sign in. The first columns are the ones better-auth reads and writes;
 * role, dealer, point of sale and `active` are ours and are never set through better-auth.
 */
export const users = table(
  'user',
  {
    id: id(),
    name: text().notNull(),
    email: text().notNull().unique(),
    emailVerified: boolean().notNull().default(false),
    image: text(),
    createdAt: createdAt(),
    updatedAt: timestamp()
      .notNull()
      .$defaultFn(() => new Date()),
    role: text({ enum: ROLES }).notNull(),
    dealerId: text().references(() => dealers.id),
    pointOfSaleId: text().references(() => pointsOfSale.id),
    active: boolean().notNull().default(true),
  },
  (t) => [index('user_dealer_idx').on(t.dealerId)],
);

export const sessions = table(
  'session',
  {
    id: text().primaryKey(),
    expiresAt: timestamp().notNull(),
    token: text().notNull().unique(),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
    ipAddress: text(),
    userAgent: text(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const accounts = table(
  'account',
  {
    id: text().primaryKey(),
    accountId: text().notNull(),
    providerId: text().notNull(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accessToken: text(),
    refreshToken: text(),
    idToken: text(),
    accessTokenExpiresAt: timestamp(),
    refreshTokenExpiresAt: timestamp(),
    scope: text(),
    password: text(),
    createdAt: timestamp().notNull(),
    updatedAt: timestamp().notNull(),
  },
  (t) => [index('account_user_idx').on(t.userId)],
);

export const verifications = table('verification', {
  id: text().primaryKey(),
  identifier: text().notNull(),
  value: text().notNull(),
  expiresAt: timestamp().notNull(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
});

/** Failed and successful sign-ins, kept to slow down password guessing (see server/auth/sign-in-throttle.ts). */
export const signInAttempts = table(
  'sign_in_attempts',
  {
    id: autoId(),
    emailKey: text().notNull(),
    ip: text().notNull(),
    succeeded: boolean().notNull(),
    at: timestamp().notNull(),
  },
  (t) => [index('sign_in_attempts_email_idx').on(t.emailKey, t.at), index('sign_in_attempts_ip_idx').on(t.ip, t.at)],
);
