import type { RequestContext } from './request-context';
import { replyMove } from './reply-to-request';
import { changeAsStaff } from './staff-change';

/** The back office waits for the subscriber (usually asking something): the SLA clock pauses until they answer. */
export async function setWaiting({ ctx, input }: { ctx: RequestContext; input: { id: string; body?: string; version?: number } }) {
  return changeAsStaff(ctx, input, (tx, row, actor, now) =>
    replyMove(tx, ctx, row, actor, now, { action: 'wait', notice: 'waiting', body: input.body, changes: { slaPausedAt: now }, system: 'waiting' }),
  );
}
