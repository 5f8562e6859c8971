import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { schemaDialect } from './schema';

/**
 * A timestamp column as epoch milliseconds, for arithmetic on instants in SQL (a duration's
 * average): SQLite keeps instants as epoch milliseconds already; PostgreSQL's timestamptz is
 * converted. Read the result with `.mapWith(Number)` (PostgreSQL answers a numeric as a string).
 */
export function epochMs(column: SQLWrapper): SQL<number> {
  return schemaDialect() === 'postgres' ? sql<number>`(extract(epoch from ${column}) * 1000)` : sql<number>`${column}`;
}
