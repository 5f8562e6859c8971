import path from 'node:path';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema-pg';
import { postgresUnavailable, startPostgres, type PostgresCluster } from '../helpers/postgres';
import { schemaShape, type ColumnShape } from '../helpers/schema-shape';

// The committed PostgreSQL migrations (db/migrations-pg), applied to a real PostgreSQL 15, make
// exactly the schema db/schema-pg declares: the catalog, read back, against the declaration.

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`[postgres-schema] skipped: ${unavailable}`);

/** The type information_schema names for each kit column (db/schema-pg/kit.ts). */
const SQL_TYPES: Record<string, string> = { text: 'text', integer: 'integer', boolean: 'boolean', timestamp: 'timestamp with time zone', json: 'json', autoId: 'bigint', bytes: 'bytea' };

function sqlDefault(column: ColumnShape): string | null {
  if (column.default === null) return null;
  if (typeof column.default === 'string') return `'${column.default.replaceAll("'", "''")}'::text`;
  return String(column.default);
}

const ACTIONS: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

describe.skipIf(unavailable)('the PostgreSQL migrations on PostgreSQL 15', () => {
  let cluster: PostgresCluster;
  let pool: pg.Pool;

  beforeAll(async () => {
    cluster = await startPostgres();
    pool = new pg.Pool({ connectionString: await cluster.createDatabase('dealer_desk_schema') });
    await migrate(drizzle({ client: pool, casing: 'snake_case' }), { migrationsFolder: path.join(process.cwd(), 'db', 'migrations-pg') });
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    await cluster?.stop();
  }, 60_000);

  const rows = async <T extends pg.QueryResultRow>(text: string) => (await pool.query<T>(text)).rows;

  it('makes every declared table and no other', async () => {
    const tables = await rows<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`);
    expect(tables.map((t) => t.table_name)).toEqual(Object.keys(schemaShape(schema)).sort());
  });

  it('makes the declared columns: names, types, nullability, defaults and identity', async () => {
    const columns = await rows<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; identity_generation: string | null; datetime_precision: number | null }>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, identity_generation, datetime_precision
       FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const actual = columns.map((c) => ({
      table: c.table_name,
      column: c.column_name,
      type: c.data_type === 'timestamp with time zone' ? `${c.data_type} (${c.datetime_precision})` : c.data_type,
      nullable: c.is_nullable === 'YES',
      default: c.column_default,
      identity: c.identity_generation,
    }));
    const expected = Object.values(schemaShape(schema)).flatMap((table) =>
      table.columns.map((c) => ({
        table: table.name,
        column: c.name,
        type: c.kind === 'timestamp' ? `${SQL_TYPES.timestamp} (3)` : (SQL_TYPES[c.kind] ?? c.kind),
        nullable: !c.notNull && !c.primaryKey,
        default: sqlDefault(c),
        identity: c.kind === 'autoId' ? 'BY DEFAULT' : null,
      })),
    );
    const byName = (a: { table: string; column: string }, b: { table: string; column: string }) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`);
    expect(actual.sort(byName)).toEqual(expected.sort(byName));
  });

  it('makes the declared primary keys, foreign keys (with their ON DELETE) and unique constraints', async () => {
    const constraints = await rows<{ name: string; type: string; table: string; columns: string[]; foreign_table: string | null; foreign_columns: string[] | null; on_delete: string; on_update: string }>(
      `SELECT c.conname AS name, c.contype AS type, t.relname AS table, f.relname AS foreign_table, c.confdeltype AS on_delete, c.confupdtype AS on_update,
         ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
         CASE WHEN c.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) END AS foreign_columns
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace s ON s.oid = t.relnamespace LEFT JOIN pg_class f ON f.oid = c.confrelid
       WHERE s.nspname = 'public' AND c.contype IN ('p', 'f', 'u')`,
    );
    const of = (type: string, table: string) => constraints.filter((c) => c.type === type && c.table === table);
    for (const table of Object.values(schemaShape(schema))) {
      const primaryKey = [...table.columns.filter((c) => c.primaryKey).map((c) => [c.name]), ...table.primaryKeys.map((pk) => pk.columns)];
      expect(of('p', table.name).map((c) => c.columns), `${table.name}: primary key`).toEqual(primaryKey);
      const foreignKeys = of('f', table.name)
        .map((c) => ({ name: c.name, columns: c.columns, foreignTable: c.foreign_table, foreignColumns: c.foreign_columns, onDelete: ACTIONS[c.on_delete], onUpdate: ACTIONS[c.on_update] }))
        .sort((a, b) => a.name.localeCompare(b.name));
      expect(foreignKeys, `${table.name}: foreign keys`).toEqual(table.foreignKeys);
      const uniques = [
        ...table.columns.filter((c) => c.unique !== null).map((c) => ({ name: c.unique, columns: [c.name] })),
        ...table.uniqueConstraints,
      ].sort((a, b) => String(a.name).localeCompare(String(b.name)));
      expect(
        of('u', table.name)
          .map((c) => ({ name: c.name, columns: c.columns }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        `${table.name}: unique constraints`,
      ).toEqual(uniques);
    }
  });

  it('makes the declared indexes, unique or not, on the declared columns in order', async () => {
    // Indexes of their own (pg_indexes), not those behind a primary key or a unique constraint.
    const indexes = await rows<{ table: string; name: string; unique: boolean; columns: string[]; partial: boolean; definition: string }>(
      `SELECT i.tablename AS table, i.indexname AS name, x.indisunique AS unique, x.indpred IS NOT NULL AS partial, i.indexdef AS definition,
         ARRAY(SELECT COALESCE(a.attname::text, pg_get_indexdef(x.indexrelid, k.o::int, true)) FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
           LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n WHERE k.o <= x.indnkeyatts ORDER BY k.o) AS columns
       FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname JOIN pg_namespace s ON s.oid = c.relnamespace AND s.nspname = i.schemaname
       JOIN pg_index x ON x.indexrelid = c.oid
       WHERE i.schemaname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)`,
    );
    for (const index of indexes) expect(index.definition).toMatch(/ USING btree /);
    const actual = indexes.map((i) => ({ table: i.table, name: i.name, unique: i.unique, columns: i.columns, where: i.partial ? 'sql' : null })).sort((a, b) => a.name.localeCompare(b.name));
    const expected = Object.values(schemaShape(schema))
      .flatMap((table) => table.indexes.map((i) => ({ table: table.name, ...i })))
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(actual).toEqual(expected);
    expect(actual.length).toBeGreaterThan(40);
  });

  it('stores and reads back through drizzle what SQLite does: millisecond times, JSON, numbered keys', async () => {
    const db = drizzle({ client: pool, schema, casing: 'snake_case' });
    const at = new Date('2026-11-25T10:00:00.123Z');
    const inserted = await db
      .insert(schema.auditEvents)
      .values([
        { at, action: 'test.one', entityType: 'test', entityId: 'x', data: { nested: { list: [1, 'два'] } }, prevHash: '', hash: 'h1' },
        { at, action: 'test.two', entityType: 'test', entityId: 'x', data: {}, prevHash: 'h1', hash: 'h2' },
      ])
      .returning({ seq: schema.auditEvents.seq });
    expect(inserted).toEqual([{ seq: 1 }, { seq: 2 }]);
    const [row] = await db.select().from(schema.auditEvents).where(eq(schema.auditEvents.hash, 'h1'));
    expect(row?.at).toEqual(at);
    expect(row?.data).toEqual({ nested: { list: [1, 'два'] } });
    await expect(db.insert(schema.auditEvents).values({ at, action: 'test.three', entityType: 'test', entityId: 'x', data: {}, prevHash: 'h2', hash: 'h1' })).rejects.toThrow();
  });
});
