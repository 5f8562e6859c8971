import type { DbOrTx } from './client';

/**
 * A query of the hot path (a chat message, the session check) built once per database and then
 * only executed: drizzle builds a query's SQL anew on every call, which costs more than running
 * it. `build` makes a drizzle prepared query with `sql.placeholder()`s for the values. A
 * transaction shares its database's session and connection, so one prepared query serves both.
 */
export function preparedQuery<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const made = new WeakMap<object, T>();
  return (db) => {
    const key = (db as unknown as { session: object }).session;
    let query = made.get(key);
    if (query === undefined) {
      query = build(db);
      made.set(key, query);
    }
    return query;
  };
}
