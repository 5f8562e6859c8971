import { appendRequestMessage } from './request-access';
import type { RequestContext } from './request-context';
import { moveRequest } from './request-transitions';
import { changeAsStaff } from './staff-change';
import { assertMayHandle } from './staff-ownership';

/** The back office closes a request (done with it; the subscriber may still reopen it through the link). */
export async function closeRequest({ ctx, input }: { ctx: RequestContext; input: { id: string; version?: number } }) {
  return changeAsStaff(ctx, input, async (tx, row, actor, now) => {
    assertMayHandle(row, actor);
    await moveRequest(tx, row, 'close', actor, { closedAt: now, dueAt: null, riskAt: null, slaPausedAt: null }, now);
    await appendRequestMessage(tx, row.id, { kind: 'system', authorId: null, body: 'closed' }, now);
  });
}
