import { is, SQL, type Column } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * A table as both dialects can say it (docs/architecture.md, "Two dialects"): what the kit's names
 * are to mean in either. Names are the database's (snake_case, as drizzle-kit writes them with
 * `casing: 'snake_case'`), lists in declaration order, so a moved index column is a difference.
 */
export interface ColumnShape {
  name: string;
  /** The kit's column: text, integer, boolean, timestamp, json, or autoId (a key the database numbers). */
  kind: string;
  /** The JS type drizzle maps it to (string, number, boolean, date, json). */
  dataType: string;
  notNull: boolean;
  primaryKey: boolean;
  /** A default the database applies (`.default(…)`), as JSON; `null` when none. */
  default: unknown;
  /** A default drizzle computes on insert (`$defaultFn`), e.g. the id's UUID or `createdAt`. */
  runtimeDefault: boolean;
  /** The name of a one-column unique constraint (`.unique()`), or null. */
  unique: string | null;
  /** The values `text({ enum })` allows, or null. */
  enumValues: string[] | null;
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  primaryKeys: { name: string; columns: string[] }[];
  foreignKeys: { name: string; columns: string[]; foreignTable: string; foreignColumns: string[]; onDelete: string; onUpdate: string }[];
  uniqueConstraints: { name: string; columns: string[] }[];
  indexes: { name: string; unique: boolean; columns: string[]; where: string | null }[];
  checks: string[];
}

const snake = (name: string) => toSnakeCase(name);

function columnKind(column: Column): string {
  const c = column as Column & { autoIncrement?: boolean; precision?: number; withTimezone?: boolean; mode?: string };
  switch (column.columnType) {
    case 'SQLiteText':
    case 'PgText':
      return 'text';
    case 'SQLiteInteger':
      return c.primary && c.autoIncrement ? 'autoId' : 'integer';
    case 'PgInteger':
      return column.generatedIdentity ? 'autoId(int4)' : 'integer';
    case 'PgBigInt53':
      return column.generatedIdentity?.type === 'byDefault' && column.primary ? 'autoId' : 'bigint';
    case 'SQLiteBoolean':
    case 'PgBoolean':
      return 'boolean';
    case 'SQLiteTimestamp':
      return c.mode === 'timestamp_ms' ? 'timestamp' : `timestamp(${c.mode})`;
    case 'PgTimestamp':
      return c.precision === 3 && c.withTimezone ? 'timestamp' : `timestamp(${c.precision}, tz ${c.withTimezone})`;
    case 'SQLiteTextJson':
    case 'PgJson':
      return 'json';
    case 'SQLiteBlobBuffer':
      return 'bytes';
    case 'PgCustomColumn':
      return column.getSQLType() === 'bytea' ? 'bytes' : `custom ${column.getSQLType()}`;
    default:
      // A builder the kits do not map: give it a name in both kits, and here.
      return `unmapped ${column.columnType}`;
  }
}

function columnDefault(value: unknown): unknown {
  if (value === undefined) return null;
  if (is(value, SQL)) return 'sql';
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function columnShape(column: Column): ColumnShape {
  return {
    name: snake(column.name),
    kind: columnKind(column),
    // A custom column (bytea) says 'custom' where SQLite's blob says 'buffer': the kind above
    // already names what both hold.
    dataType: column.columnType === 'PgCustomColumn' && column.getSQLType() === 'bytea' ? 'buffer' : column.dataType,
    notNull: column.notNull,
    primaryKey: column.primary,
    default: columnDefault(column.default),
    runtimeDefault: typeof column.defaultFn === 'function' || typeof column.onUpdateFn === 'function',
    unique: column.isUnique ? (column.uniqueName ?? '') : null,
    enumValues: column.enumValues ? [...column.enumValues] : null,
  };
}

const indexColumnName = (column: unknown): string => (is(column, SQL) ? 'sql' : snake((column as { name: string }).name));

type Config = ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>;

function tableShape(config: Config): TableShape {
  return {
    name: config.name,
    columns: config.columns.map(columnShape),
    primaryKeys: config.primaryKeys.map((pk) => ({ name: pk.getName(), columns: pk.columns.map((c) => snake(c.name)) })),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        const columns = ref.columns.map((c) => snake(c.name));
        const foreignTable = (is(ref.foreignTable, PgTable) ? pgTableConfig(ref.foreignTable) : sqliteTableConfig(ref.foreignTable as SQLiteTable)).name;
        const foreignColumns = ref.foreignColumns.map((c) => snake(c.name));
        return {
          // The name drizzle-kit gives the constraint (with the columns' database names).
          name: ref.name ?? `${config.name}_${columns.join('_')}_${foreignTable}_${foreignColumns.join('_')}_fk`,
          columns,
          foreignTable,
          foreignColumns,
          // Unset means the database's default, NO ACTION, in both.
          onDelete: fk.onDelete ?? 'no action',
          onUpdate: fk.onUpdate ?? 'no action',
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.getName() ?? '', columns: u.columns.map((c) => snake(c.name)) })),
    indexes: config.indexes
      .map(({ config: index }) => ({
        name: index.name ?? '',
        unique: index.unique,
        columns: (index.columns as unknown[]).map(indexColumnName),
        where: index.where ? 'sql' : null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    checks: config.checks.map((check) => check.name).sort(),
  };
}

/** Every table a schema module exports, by table name, in the shape both dialects share. */
export function schemaShape(schema: Record<string, unknown>): Record<string, TableShape> {
  const tables: Record<string, TableShape> = {};
  for (const value of Object.values(schema)) {
    const config = is(value, SQLiteTable) ? sqliteTableConfig(value) : is(value, PgTable) ? pgTableConfig(value) : null;
    if (config) tables[config.name] = tableShape(config);
  }
  return Object.fromEntries(Object.entries(tables).sort(([a], [b]) => a.localeCompare(b)));
}

/** Where two shapes differ, as paths (`chats.columns.status.default: "queued" ≠ "active"`); empty when they agree. */
export function shapeDifferences(a: unknown, b: unknown, at = ''): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const keyed = (value: unknown) =>
    Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'name' in item)
      ? Object.fromEntries(value.map((item: { name: string }) => [item.name, item]))
      : value;
  const left = keyed(a);
  const right = keyed(b);
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isRecord(left) && isRecord(right)) {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    return keys.flatMap((key) => {
      const path = at ? `${at}.${key}` : key;
      if (!(key in right)) return [`${path}: only in the first`];
      if (!(key in left)) return [`${path}: only in the second`];
      return shapeDifferences(left[key], right[key], path);
    });
  }
  return [`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`];
}
