import { conflict } from '@/server/errors/domain-error';
import type { RequestContext } from './request-context';
import { staffChangeDue } from './staff-due';
import { changeAsStaff } from './staff-change';
import { moveRequest } from './request-transitions';

/** A back office employee takes a request (a new one opens); one taken by a colleague is not taken over (assign does that). */
export async function claimRequest({ ctx, input }: { ctx: RequestContext; input: { id: string; version?: number } }) {
  return changeAsStaff(ctx, input, async (tx, row, actor, now) => {
    if (row.assigneeId && row.assigneeId !== actor.id) throw conflict('errors.requestClaimedByOther', 'A colleague has taken this request', {});
    await moveRequest(tx, row, 'claim', actor, { assigneeId: actor.id, ...(await staffChangeDue(tx, row, 'claim')) }, now);
  });
}
