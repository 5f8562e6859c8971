import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Db } from './client';
import * as schema from './schema-pg/tables';

const MIGRATIONS_DIR = path.join(process.cwd(), 'db', 'migrations-pg');

/** The key of the advisory lock that lets one process of several starting at once migrate. */
const MIGRATION_LOCK = 7_311_001;

// 64-bit integers (counts, sums, ids) as JS numbers, as SQLite gives them; an id or a count past
// 2^53 is not in sight. Numeric stays a string.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface PostgresOptions {
  /** Connections in the pool; default 10. */
  max?: number;
}

/**
 * A PostgreSQL database through a node-postgres pool, not yet migrated (connections open on first
 * use). Typed as the app's Db (see db/client.ts).
 */
export function connectPostgres(url: string, options: PostgresOptions = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // An idle connection the server closed (a restart, a killed backend) is replaced on next use;
  // without a listener its error would end the process.
  pool.on('error', () => undefined);
  return drizzle({ client: pool, schema, casing: 'snake_case' }) as unknown as Db;
}

/**
 * A PostgreSQL database through a node-postgres pool, migrated from db/migrations-pg/. Several
 * processes starting at once on an empty database: the first to take the advisory lock migrates,
 * the others wait for it and then find nothing to do.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const db = connectPostgres(url, options);
  const pool = db.$client as unknown as pg.Pool;
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      // On the connection that holds the lock: a pool of one has no other to lend the migrator.
      await migrate(drizzle({ client, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
  return db;
}
