import { inTransaction, type Tx } from '@/db/client';
import type { Actor } from '@/server/context';
import { findRequest } from './request-access';
import { staffOf, type RequestContext } from './request-context';
import { refOf } from './request-dto';
import type { RequestRow } from './request-types';
import type { RequestRefDto } from './schemas';
import { conflict } from '@/server/errors/domain-error';

/**
 * A back office change: the request read in the transaction (at the version the page showed, if
 * it said one), `change` applied (through moveRequest), the request's new reference answered.
 */
export async function changeAsStaff(
  ctx: RequestContext,
  input: { id: string; version?: number },
  change: (tx: Tx, row: RequestRow, actor: Actor, now: Date) => Promise<unknown>,
): Promise<RequestRefDto> {
  const actor = staffOf(ctx);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const row = await findRequest(tx, input.id);
    if (input.version !== undefined && input.version !== row.version) throw conflict('errors.changedMeanwhile', 'The request changed meanwhile', { status: row.status });
    await change(tx, row, actor, now);
    return refOf(await findRequest(tx, input.id));
  });
}
