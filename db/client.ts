import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

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
  cacheStatements(client);
  const db = drizzle({ client, schema, casing: 'snake_case' });
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return db;
}

const STATEMENT_CACHE_SIZE = 1000;

/**
 * drizzle prepares a new statement for every query it runs; SQLite's prepare is a good part of a
 * small query's cost. The same SQL text gets the same compiled statement back (most recently used
 * kept). drizzle runs each statement right after preparing it, synchronously, so sharing one is
 * safe; one that returns rows is put back in object mode first, since drizzle switches row-array
 * mode on with `raw()` just before it runs a query that wants arrays.
 */
function cacheStatements(client: Database.Database): void {
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, Database.Statement>();
  client.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      cache.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = prepare(source);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    cache.set(source, statement);
    return statement;
  }) as typeof client.prepare;
}

/**
 * The one transaction helper. better-sqlite3 transactions are synchronous: the callback must
 * not be async (an awaited promise inside would escape the rollback). BEGIN IMMEDIATE takes the
 * write lock up front, so two writers queue instead of failing on a lock upgrade.
 */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => T): T {
  return db.transaction(fn, { behavior: 'immediate' });
}
