import { conflict } from '@/server/errors/domain-error';
import type { PublicRequestContext } from './request-context';
import { changeByLink } from './link-change';
import { linkHolder } from './request-link';
import { moveRequest } from './request-transitions';
import type { LinkViewDto } from './schemas';

/** The subscriber rates the handling 1–5 (once, after it was resolved), with a comment if they like. */
export async function rateByLink({ ctx, input }: { ctx: PublicRequestContext; input: { token: string; rating: number; comment?: string } }): Promise<LinkViewDto> {
  return changeByLink(ctx, input.token, async (tx, row, now) => {
    if (row.rating !== null) throw conflict('errors.requestAlreadyRated', 'This request was rated already');
    if (!row.resolvedAt) throw conflict('errors.wrongState', `Cannot rate a request that is ${row.status}`, { status: row.status });
    await moveRequest(tx, row, 'rate', linkHolder(row), { rating: input.rating, ratingComment: input.comment || null, ratedAt: now }, now, { rating: input.rating });
  });
}
