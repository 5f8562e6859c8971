import { eq, or } from 'drizzle-orm';
import { first } from '@/db/client';
import { requests } from '@/db/schema';
import { invalid, notFound } from '@/server/errors/domain-error';
import { appendRequestMessage } from './request-access';
import type { RequestContext } from './request-context';
import { notifySubscriber } from './request-notify';
import { moveRequest } from './request-transitions';
import { changeAsStaff } from './staff-change';
import { assertMayHandle } from './staff-ownership';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A duplicate merged into another request (by its number or id): the duplicate keeps its lines and
 * closes pointing to the target, the target gets a line naming the duplicate, and the duplicate's
 * subscriber is told where the conversation goes on.
 */
export async function mergeRequest({ ctx, input }: { ctx: RequestContext; input: { id: string; into: string } }) {
  return changeAsStaff(ctx, input, async (tx, row, actor, now) => {
    assertMayHandle(row, actor);
    const into = input.into.trim();
    const target = await first(tx.select().from(requests).where(UUID.test(into) ? or(eq(requests.id, into), eq(requests.number, into)) : eq(requests.number, into.toUpperCase())));
    if (!target) throw notFound('Request');
    if (target.id === row.id) throw invalid('errors.requestMergeSelf', 'A request cannot be merged into itself');
    if (target.mergedIntoId || target.status === 'closed') throw invalid('errors.requestMergeTarget', 'Merge into a request that is still being handled');
    const merged = await moveRequest(tx, row, 'merge', actor, { mergedIntoId: target.id, closedAt: now, dueAt: null, riskAt: null, slaPausedAt: null }, now, { into: target.id, intoNumber: target.number });
    await moveRequest(tx, target, 'absorb', actor, {}, now, { from: row.id, fromNumber: row.number });
    const seq = await appendRequestMessage(tx, row.id, { kind: 'system', authorId: null, body: `merged:${target.number}` }, now);
    await appendRequestMessage(tx, target.id, { kind: 'system', authorId: null, body: `mergedFrom:${row.number}` }, now);
    await notifySubscriber(tx, merged, { kind: 'merged', seq, text: target.number }, ctx.appUrl, now);
  });
}
