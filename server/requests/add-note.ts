import { appendRequestMessage } from './request-access';
import type { RequestContext } from './request-context';
import { moveRequest } from './request-transitions';
import { changeAsStaff } from './staff-change';

/** An internal note: the back office only; never in the link's answers, never in a notification. */
export async function addNote({ ctx, input }: { ctx: RequestContext; input: { id: string; body: string } }) {
  return changeAsStaff(ctx, input, async (tx, row, actor, now) => {
    await moveRequest(tx, row, 'note', actor, {}, now);
    await appendRequestMessage(tx, row.id, { kind: 'note', authorId: actor.id, body: input.body }, now);
  });
}
