import { inTransaction, type Tx } from '@/db/client';
import { findRequest } from './request-access';
import type { PublicRequestContext } from './request-context';
import { linkViewOf } from './request-dto';
import { resolveRequestLink } from './request-link';
import type { RequestRow } from './request-types';
import type { LinkViewDto } from './schemas';

/**
 * A change the link holder makes: the link resolved (throttled), the request read again in the
 * transaction, `change` applied, and the link's view answered.
 */
export async function changeByLink(ctx: PublicRequestContext, token: string, change: (tx: Tx, row: RequestRow, now: Date) => Promise<unknown>): Promise<LinkViewDto> {
  const linked = await resolveRequestLink(ctx, token);
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    await change(tx, await findRequest(tx, linked.id), now);
    return linkViewOf(tx, await findRequest(tx, linked.id));
  });
}
