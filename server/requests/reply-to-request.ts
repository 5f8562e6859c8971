import type { Tx } from '@/db/client';
import type { Actor } from '@/server/context';
import { appendRequestMessage, findCategory } from './request-access';
import type { RequestContext } from './request-context';
import { fillPlaceholders } from './fill-placeholders';
import { REQUEST_LINK_MS } from './request-link';
import { notifySubscriber, type RequestNotice } from './request-notify';
import { moveRequest, type RequestAction } from './request-transitions';
import type { RequestRow } from './request-types';
import { changeAsStaff } from './staff-change';
import { staffChangeDue } from './staff-due';
import { assertMayHandle } from './staff-ownership';

/**
 * A back office move that may carry a reply to the subscriber (reply, wait, resolve): the reply's
 * placeholders filled in, the first response recorded, the request taken by the employee if nobody
 * had it, the subscriber told through the outbox exactly once (the line's number is the key).
 */
export async function replyMove(
  tx: Tx,
  ctx: RequestContext,
  row: RequestRow,
  actor: Actor,
  now: Date,
  move: { action: RequestAction; notice: RequestNotice; body?: string; changes?: Partial<RequestRow>; system?: string },
): Promise<void> {
  assertMayHandle(row, actor);
  const category = await findCategory(tx, row.category);
  const body = move.body ? fillPlaceholders(move.body, row, category, actor.name) : undefined;
  const changes: Partial<RequestRow> = {
    ...(body && !row.firstResponseAt ? { firstResponseAt: now } : {}),
    ...(row.assigneeId ? {} : { assigneeId: actor.id }),
    linkExpiresAt: new Date(now.getTime() + REQUEST_LINK_MS),
    ...move.changes,
  };
  const moved = await moveRequest(tx, row, move.action, actor, { ...changes, ...(await staffChangeDue(tx, row, move.action, changes)) }, now, { reply: Boolean(body) });
  let seq = body ? await appendRequestMessage(tx, row.id, { kind: 'reply', authorId: actor.id, body }, now) : 0;
  if (move.system) seq = await appendRequestMessage(tx, row.id, { kind: 'system', authorId: null, body: move.system }, now);
  if (seq > 0) await notifySubscriber(tx, moved, { kind: move.notice, seq, text: body }, ctx.appUrl, now);
}

/** The back office answers the subscriber (a canned reply's placeholders filled in); a new request opens. */
export async function replyToRequest({ ctx, input }: { ctx: RequestContext; input: { id: string; body: string; version?: number } }) {
  return changeAsStaff(ctx, input, (tx, row, actor, now) => replyMove(tx, ctx, row, actor, now, { action: 'reply', notice: 'reply', body: input.body }));
}
