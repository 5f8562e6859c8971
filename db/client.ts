import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { dataDir } from '@/server/config/data-dir';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What a transaction callback receives; verbs accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations');

/** Opens (creating if needed) a SQLite file in WAL mode with foreign keys on, and migrates it. */
export function openDb(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const client = new Database(file);
  client.pragma('journal_mode = WAL');
  client.pragma('foreign_keys = ON');
  client.pragma('busy_timeout = 5000');
  client.pragma('synchronous = NORMAL');
  const db = drizzle({ client, schema, casing: 'snake_case' });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return db;
}

export function databaseFile(): string {
  return path.join(dataDir(), 'dealer-desk.sqlite');
}

let singleton: Db | undefined;

/** The app's database, opened on first use (never at import time: `next build` imports routes). */
export function getDb(): Db {
  singleton ??= openDb(databaseFile());
  return singleton;
}

/**
 * The one transaction helper. better-sqlite3 transactions are synchronous: the callback must
 * not be async (an awaited promise inside would escape the rollback). BEGIN IMMEDIATE takes the
 * write lock up front, so two writers queue instead of failing on a lock upgrade.
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: 'immediate' });
}
