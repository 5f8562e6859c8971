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
