import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { Mutex } from 'async-mutex';
import Database from 'better-sqlite3';
import { is, sql, type SQL } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { alias as pgAlias, PgDialect } from 'drizzle-orm/pg-core';
import { alias as sqliteAlias, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { schemaDialect } from './schema';
import * as schema from './schema/tables';

/**
 * The database every verb is handed. Its type is drizzle's SQLite one (the query builders of both
 * dialects have the same shape); at run time it is SQLite (better-sqlite3) or PostgreSQL
 * (node-postgres, db/postgres.ts), chosen once per process. Code written against it therefore
 * awaits every query (`await db.select()…`, never the SQLite-only `.get()/.all()/.run()`; the
 * linter refuses those) and takes one row with `first()`.
 */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** What a transaction callback receives; verbs accept either. */
export type Tx = Db;
export type DbOrTx = Db | Tx;

export type Dialect = 'sqlite' | 'postgres';

export const dialectOf = (db: DbOrTx): Dialect => (is((db as unknown as { dialect: unknown }).dialect, PgDialect) ? 'postgres' : 'sqlite');

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
  migrateSqlite(client, db);
  return db;
}

/**
 * Migrates with foreign keys off, as SQLite's way of changing a table asks (drizzle-kit rebuilds
 * it: a new table, the rows copied, the old one dropped, the new one renamed): with them on,
 * dropping a table that other rows point at fails. The pragma is ignored inside a transaction,
 * so it is set around the migrator's; every reference is checked before they go back on.
 */
function migrateSqlite(client: Database.Database, db: Db): void {
  client.pragma('foreign_keys = OFF');
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_DIR });
    const broken = client.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`the migration left ${broken.length} broken references: ${JSON.stringify(broken.slice(0, 3))}`);
  } finally {
    client.pragma('foreign_keys = ON');
  }
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
 * One writer at a time per SQLite file, across awaits: the process-wide lock of `inTransaction`.
 * Keyed by the file, not the connection: a second connection to the same file in this process
 * (a test's second sender) would otherwise try BEGIN IMMEDIATE while the first holds the write
 * lock, and better-sqlite3's busy wait blocks the one thread that could commit it.
 */
const sqliteWriters = new Map<string, Mutex>();
/** The SQLite connection whose transaction the current async call chain is inside (a nested call joins it). */
const openSqliteTransaction = new AsyncLocalStorage<Database.Database>();

/**
 * The one transaction helper, for both dialects; `fn` may await.
 *
 * - PostgreSQL: drizzle's transaction on a connection of the pool (READ COMMITTED). What SQLite
 *   got from its single writer is made explicit where it matters: compare-and-set updates, row
 *   locks, and the audit chain's advisory lock (server/audit/write-audit-event.ts).
 * - SQLite: better-sqlite3's own transactions are synchronous (an awaited promise inside would
 *   escape the rollback), so this one is `BEGIN IMMEDIATE` … `COMMIT` (or `ROLLBACK` on a throw)
 *   under a process-wide lock: one transaction at a time, queued in order, the write lock taken up
 *   front. A call inside another's `fn` joins the open transaction. Every write goes through here:
 *   a statement outside it would land in whatever transaction happens to be open.
 */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T> | T): Promise<T> {
  if (dialectOf(db) === 'postgres') return db.transaction((tx) => fn(tx as unknown as Tx) as never) as unknown as Promise<T>;
  const client = db.$client;
  if (openSqliteTransaction.getStore() === client) return fn(db);
  let writer = sqliteWriters.get(client.name);
  if (!writer) sqliteWriters.set(client.name, (writer = new Mutex()));
  return writer.runExclusive(() =>
    openSqliteTransaction.run(client, async () => {
      client.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(db);
        client.exec('COMMIT');
        return result;
      } catch (error) {
        if (client.inTransaction) client.exec('ROLLBACK');
        throw error;
      }
    }),
  );
}

/**
 * What only one transaction at a time may do across every process of a cluster. On SQLite
 * BEGIN IMMEDIATE already makes every write transaction one at a time; on PostgreSQL each is a
 * transaction-scoped advisory lock, held until the commit or rollback.
 */
export const CLUSTER_LOCKS = {
  /** Appending to the hash-chained audit log: each append reads the head the previous one wrote. */
  auditChain: 7_311_002,
  /** Appending to realtime_events: ids then become visible in commit order (server/realtime). */
  eventLog: 7_311_003,
  /**
   * Routing waiting chats, and every count of an operator's chats against their capacity: the first
   * statement of each such verb's transaction (routingTransaction, server/chat/route-waiting-chats.ts).
   */
  routing: 7_311_004,
  /** Seeding an empty database (server/seed). */
  seed: 7_311_005,
} as const;

/** Takes one of CLUSTER_LOCKS for the rest of the transaction `tx` (PostgreSQL; nothing to do on SQLite). */
export async function holdClusterLock(tx: Tx, lock: keyof typeof CLUSTER_LOCKS): Promise<void> {
  if (dialectOf(tx) === 'postgres') await rawRows(tx, sql`select pg_advisory_xact_lock(${CLUSTER_LOCKS[lock]})`);
}

/**
 * Runs `fn` while holding one of CLUSTER_LOCKS across transactions (a session-level advisory
 * lock on a connection of its own, PostgreSQL): for work that is several transactions long and
 * must run once in the cluster, like filling an empty database. `fn` re-checks, after the lock,
 * whether the work is still to do. On SQLite (one process) it simply runs.
 */
export async function withClusterLock<T>(db: Db, lock: keyof typeof CLUSTER_LOCKS, fn: () => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres') return fn();
  const pool = db.$client as unknown as { connect(): Promise<{ query(text: string, values: unknown[]): Promise<unknown>; release(): void }> };
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [CLUSTER_LOCKS[lock]]);
    try {
      return await fn();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [CLUSTER_LOCKS[lock]]);
    }
  } finally {
    client.release();
  }
}

/** The first row of a query's rows (`await first(db.select()…)`), or undefined: `.get()` for both dialects. */
export async function first<R>(rows: PromiseLike<R[]> | R[]): Promise<R | undefined> {
  return (await rows)[0];
}

/**
 * Runs a raw SQL statement (drizzle's `sql` template, written for both dialects) and returns its
 * rows: `db.all()` on SQLite, `db.execute()` on PostgreSQL.
 */
export async function rawRows<R = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<R[]> {
  if (dialectOf(db) === 'postgres') return ((await (db as unknown as { execute(q: SQL): Promise<{ rows: R[] }> }).execute(query)).rows);
  return db.all<R>(query);
}

/** A second name for a table in one query (a self-join), in the process's dialect. */
export function alias<T extends SQLiteTable, A extends string>(table: T, name: A) {
  return schemaDialect() === 'postgres' ? (pgAlias(table as never, name) as unknown as ReturnType<typeof sqliteAlias<T, A>>) : sqliteAlias(table, name);
}

/** Closes the database's connections (the SQLite file, or the PostgreSQL pool). */
export async function closeDb(db: Db): Promise<void> {
  if (dialectOf(db) === 'postgres') await (db.$client as unknown as { end(): Promise<void> }).end();
  else db.$client.close();
}
