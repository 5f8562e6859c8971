import { backofficeCalendar } from './backoffice-calendar';
import { appendRequestMessage, findCategory } from './request-access';
import type { PublicRequestContext } from './request-context';
import { mergedAway } from './request-errors';
import { changeByLink } from './link-change';
import { linkHolder, REQUEST_LINK_MS } from './request-link';
import { moveRequest } from './request-transitions';
import type { LinkViewDto } from './schemas';
import { dueOf, restartedResolution } from './sla';

/** The subscriber reopens a resolved or closed request (with a word, if they like): counted as a reopening, the resolution target restarts. */
export async function reopenByLink({ ctx, input }: { ctx: PublicRequestContext; input: { token: string; text?: string } }): Promise<LinkViewDto> {
  return changeByLink(ctx, input.token, async (tx, row, now) => {
    if (row.mergedIntoId) throw mergedAway();
    const calendar = backofficeCalendar();
    const category = await findCategory(tx, row.category);
    const reopened = { reopenCount: row.reopenCount + 1, resolvedAt: null, closedAt: null, slaPausedAt: null, resolutionDueAt: restartedResolution(calendar, category, now) };
    const due = dueOf(calendar, { ...row, ...reopened, status: 'open' }, category);
    await moveRequest(tx, row, 'reopen', linkHolder(row), { ...reopened, ...due, linkExpiresAt: new Date(now.getTime() + REQUEST_LINK_MS) }, now);
    await appendRequestMessage(tx, row.id, { kind: 'system', authorId: null, body: 'reopenedBySubscriber' }, now);
    if (input.text) await appendRequestMessage(tx, row.id, { kind: 'subscriber', authorId: null, body: input.text }, now);
  });
}
