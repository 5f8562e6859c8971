import { dialectOf, type DbOrTx } from './client';

/** A prepared query as both dialects' drizzle makes it: SQLite's has get/all/run, PostgreSQL's execute. */
interface DrizzlePrepared<R> {
  all(params?: Record<string, unknown>): R[];
  execute(params?: Record<string, unknown>): unknown;
}

/** A prepared query run on either dialect: always awaited. */
export interface PreparedQuery<R> {
  all(params?: Record<string, unknown>): Promise<R[]>;
  get(params?: Record<string, unknown>): Promise<R | undefined>;
  run(params?: Record<string, unknown>): Promise<void>;
}

type RowOf<Q> = Q extends { all(...args: never[]): (infer R)[] } ? R : never;

/**
 * A query of the hot path (a chat message, the session check) built once per database and then
 * only executed: drizzle builds a query's SQL anew on every call, which costs more than running
 * it. `build` makes a drizzle prepared query with `sql.placeholder()`s for the values (SQLite's
 * `.prepare()`; on PostgreSQL the same call makes an unnamed parameterised query). A transaction
 * shares its database's session on SQLite, so one prepared query serves both; on PostgreSQL each
 * transaction's connection has its own session.
 */
export function preparedQuery<Q extends DrizzlePrepared<unknown>>(build: (db: DbOrTx) => Q): (db: DbOrTx) => PreparedQuery<RowOf<Q>> {
  const made = new WeakMap<object, PreparedQuery<RowOf<Q>>>();
  return (db) => {
    const key = (db as unknown as { session: object }).session;
    let query = made.get(key);
    if (query === undefined) {
      const prepared = build(db) as unknown as DrizzlePrepared<RowOf<Q>>;
      query =
        dialectOf(db) === 'postgres'
          ? {
              all: async (params) => (await prepared.execute(params)) as RowOf<Q>[],
              get: async (params) => ((await prepared.execute(params)) as RowOf<Q>[])[0],
              run: async (params) => void (await prepared.execute(params)),
            }
          : {
              // better-sqlite3 answers at once.
              all: async (params) => prepared.all(params),
              get: async (params) => (prepared as unknown as { get(p?: unknown): RowOf<Q> | undefined }).get(params),
              run: async (params) => void (prepared as unknown as { run(p?: unknown): unknown }).run(params),
            };
      made.set(key, query);
    }
    return query;
  };
}
