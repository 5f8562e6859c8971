import { dialectOf, type Tx } from './client';

/**
 * Holds the rows a select finds until the transaction ends, so that a step which reads, decides
 * and then writes sees what the previous writer committed: PostgreSQL's `SELECT … FOR UPDATE`.
 * On SQLite nothing is run: `BEGIN IMMEDIATE` already keeps every other writer out.
 */
export async function lockForUpdate(tx: Tx, query: object): Promise<void> {
  if (dialectOf(tx) !== 'postgres') return;
  await (query as { for(strength: 'update'): PromiseLike<unknown> }).for('update');
}

/**
 * A select in `tx` that takes the rows it finds and passes over those another transaction holds:
 * PostgreSQL's `SELECT … FOR UPDATE SKIP LOCKED`, for work several processes share out (the
 * outbox's senders each lease rows nobody else is leasing, rather than queue behind them). The
 * rows stay held until `tx` ends, so mark them taken in `tx`. On SQLite the query is run as it is:
 * `BEGIN IMMEDIATE` already keeps every other writer out.
 */
export function forUpdateSkipLocked<Q extends object>(tx: Tx, query: Q): Q {
  if (dialectOf(tx) !== 'postgres') return query;
  return (query as unknown as { for(strength: 'update', config: { skipLocked: true }): Q }).for('update', { skipLocked: true });
}
