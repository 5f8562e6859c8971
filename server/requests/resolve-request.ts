import { backofficeCalendar } from './backoffice-calendar';
import type { RequestContext } from './request-context';
import { replyMove } from './reply-to-request';
import { resumeClock } from './sla';
import { changeAsStaff } from './staff-change';

/** The back office resolves the request (with a last reply, if any): the clock stops; the subscriber may rate it, or reopen it. */
export async function resolveRequest({ ctx, input }: { ctx: RequestContext; input: { id: string; body?: string; version?: number } }) {
  return changeAsStaff(ctx, input, (tx, row, actor, now) => {
    const resumed = row.slaPausedAt ? resumeClock(backofficeCalendar(), row, now) : {};
    return replyMove(tx, ctx, row, actor, now, { action: 'resolve', notice: 'resolved', body: input.body, changes: { ...resumed, resolvedAt: now }, system: 'resolved' });
  });
}
