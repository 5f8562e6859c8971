/**
 * The column kit for SQLite. Every table in db/schema/ is declared with these names only, and
 * db/schema-pg/kit.ts gives the same names for PostgreSQL: scripts/db-schema-pg.ts copies each
 * table file to db/schema-pg/ unchanged, so one declaration makes both schemas (docs/architecture.md,
 * "Two dialects"). A builder option of one dialect only (`text({ mode: 'json' })`,
 * `primaryKey({ autoIncrement })`) fails to typecheck in the copy: say it here, once per dialect.
 */
import { blob, integer, text } from 'drizzle-orm/sqlite-core';

export { index, integer, sqliteTable as table, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Millisecond timestamps; every table stores time the same way. */
export const timestamp = () => integer({ mode: 'timestamp_ms' });

export const boolean = () => integer({ mode: 'boolean' });

/** A JSON document of the given shape. */
export const json = <T>() => text({ mode: 'json' }).$type<T>();

/** Bytes (a stored file's content). */
export const bytes = () => blob({ mode: 'buffer' });

/** An integer key the database numbers. */
export const autoId = () => integer().primaryKey({ autoIncrement: true });

export const id = () =>
  text()
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

export const createdAt = () =>
  timestamp()
    .notNull()
    .$defaultFn(() => new Date());
