/**
 * The tables every module imports, of the process's dialect. The declarations are in ./tables.ts
 * (through ./kit.ts, SQLite) and their copy in db/schema-pg/ (PostgreSQL, docs/architecture.md
 * "Two dialects"). One process runs one dialect; both are typed as SQLite's (the query builders
 * have the same shape).
 *
 * The dialect is settled when this module is first evaluated, from DATABASE_URL (a postgres://
 * URL: PostgreSQL), before any other module can bind a table into a constant of its own (an
 * alias, a list of columns); and in every module graph of the process, Next.js's bundle
 * included. `chooseDialect()` switches later (tests); the bindings are live, so every importer
 * sees the switch. tests/unit/db-dialects.test.ts checks that every table of ./tables.ts is listed here.
 */
import * as pg from '../schema-pg/tables';
import * as sqlite from './tables';

export * from './tables';

export type SchemaDialect = 'sqlite' | 'postgres';
let current: SchemaDialect = 'sqlite';

/** The dialect the tables are of. */
export const schemaDialect = (): SchemaDialect => current;

export let applications = sqlite.applications;
export let identifications = sqlite.identifications;
export let signatures = sqlite.signatures;
export let counters = sqlite.counters;
export let auditEvents = sqlite.auditEvents;
export let users = sqlite.users;
export let sessions = sqlite.sessions;
export let accounts = sqlite.accounts;
export let verifications = sqlite.verifications;
export let signInAttempts = sqlite.signInAttempts;
export let confirmationLinks = sqlite.confirmationLinks;
export let notifications = sqlite.notifications;
export let linkLookupFailures = sqlite.linkLookupFailures;
export let operatorPresence = sqlite.operatorPresence;
export let chats = sqlite.chats;
export let chatOffers = sqlite.chatOffers;
export let attachments = sqlite.attachments;
export let chatMessages = sqlite.chatMessages;
export let chatReads = sqlite.chatReads;
export let realtimeEvents = sqlite.realtimeEvents;
export let dealers = sqlite.dealers;
export let pointsOfSale = sqlite.pointsOfSale;
export let companies = sqlite.companies;
export let packages = sqlite.packages;
export let packageItems = sqlite.packageItems;
export let storedFiles = sqlite.storedFiles;
export let visitors = sqlite.visitors;
export let visitorSessions = sqlite.visitorSessions;
export let oneTimeCodes = sqlite.oneTimeCodes;
export let cannedReplies = sqlite.cannedReplies;
export let requestCategories = sqlite.requestCategories;
export let requests = sqlite.requests;
export let requestMessages = sqlite.requestMessages;

/** Points every table at the given dialect's declaration; called once at start-up. */
export function chooseDialect(dialect: SchemaDialect): void {
  current = dialect;
  const from = (dialect === 'postgres' ? pg : sqlite) as unknown as typeof sqlite;
  applications = from.applications;
  identifications = from.identifications;
  signatures = from.signatures;
  counters = from.counters;
  auditEvents = from.auditEvents;
  users = from.users;
  sessions = from.sessions;
  accounts = from.accounts;
  verifications = from.verifications;
  signInAttempts = from.signInAttempts;
  confirmationLinks = from.confirmationLinks;
  notifications = from.notifications;
  linkLookupFailures = from.linkLookupFailures;
  operatorPresence = from.operatorPresence;
  chats = from.chats;
  chatOffers = from.chatOffers;
  attachments = from.attachments;
  chatMessages = from.chatMessages;
  chatReads = from.chatReads;
  realtimeEvents = from.realtimeEvents;
  dealers = from.dealers;
  pointsOfSale = from.pointsOfSale;
  companies = from.companies;
  packages = from.packages;
  packageItems = from.packageItems;
  storedFiles = from.storedFiles;
  visitors = from.visitors;
  visitorSessions = from.visitorSessions;
  oneTimeCodes = from.oneTimeCodes;
  cannedReplies = from.cannedReplies;
  requestCategories = from.requestCategories;
  requests = from.requests;
  requestMessages = from.requestMessages;
}

// server/config/env.ts documents and checks DATABASE_URL; only its dialect is read here, that early.
// eslint-disable-next-line no-restricted-properties
if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) chooseDialect('postgres');

/** The tables of the process's dialect, as drizzle's `schema` option wants them. */
export const tablesOf = (dialect: SchemaDialect) => (dialect === 'postgres' ? pg : sqlite);
