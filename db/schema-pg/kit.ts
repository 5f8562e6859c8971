/**
 * The column kit for PostgreSQL: the names of db/schema/kit.ts, made with pg-core. The table files
 * beside it are copies of db/schema/'s, written by scripts/db-schema-pg.ts (docs/architecture.md,
 * "Two dialects"); this file is the only one here written by hand.
 */
import { bigint, customType, json as pgJson, text, timestamp as pgTimestamp } from 'drizzle-orm/pg-core';

export { boolean, index, integer, pgTable as table, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** Millisecond timestamps (`timestamptz(3)`): the same instants SQLite keeps as epoch milliseconds. */
export const timestamp = () => pgTimestamp({ precision: 3, withTimezone: true, mode: 'date' });

/**
 * A JSON document of the given shape: `json`, kept as written (key order included) as SQLite's
 * text keeps it, not `jsonb`, which reorders keys: an event resumed from the log is then the same
 * on the wire as it was live. Nothing queries inside these documents.
 */
export const json = <T>() => pgJson().$type<T>();

/** Bytes (a stored file's content): `bytea`, read as a Buffer as SQLite's blob is. */
export const bytes = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * An integer key the database numbers: 64-bit, as SQLite's are (a log like realtime_events may
 * outgrow 2^31), read as a JS number.
 */
export const autoId = () => bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity();

export const id = () =>
  text()
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

export const createdAt = () =>
  timestamp()
    .notNull()
    .$defaultFn(() => new Date());
