import { appendRequestMessage } from './request-access';
import type { PublicRequestContext } from './request-context';
import { changeByLink } from './link-change';
import { linkHolder } from './request-link';
import { moveRequest } from './request-transitions';
import type { LinkViewDto } from './schemas';

/** The subscriber closes their request (no longer needed, or resolved to their satisfaction); the clock stops. */
export async function closeByLink({ ctx, input }: { ctx: PublicRequestContext; input: { token: string } }): Promise<LinkViewDto> {
  return changeByLink(ctx, input.token, async (tx, row, now) => {
    await moveRequest(tx, row, 'subscriberClose', linkHolder(row), { closedAt: now, dueAt: null, riskAt: null, slaPausedAt: null }, now);
    await appendRequestMessage(tx, row.id, { kind: 'system', authorId: null, body: 'closedBySubscriber' }, now);
  });
}
