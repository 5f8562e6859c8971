import { mergedAway } from './request-errors';
import type { FileUpload, LinkViewDto } from './schemas';
import { appendRequestMessage, attachRequestFiles, findCategory } from './request-access';
import { backofficeCalendar } from './backoffice-calendar';
import type { PublicRequestContext } from './request-context';
import { withRequestFiles } from './request-files';
import { changeByLink } from './link-change';
import { linkHolder, REQUEST_LINK_MS } from './request-link';
import { moveRequest } from './request-transitions';
import { dueOf, restartedResolution, resumeClock } from './sla';

/**
 * The subscriber answers through the link (text and files): a request waiting for them is open
 * again and its clock resumes (the due times move on by the business time paused); a resolved one
 * is reopened (counted) with the resolution target restarted.
 */
export async function answerByLink({ ctx, input }: { ctx: PublicRequestContext; input: { token: string; text: string; files: FileUpload[] } }): Promise<LinkViewDto> {
  return withRequestFiles(ctx, input.files, (files) =>
    changeByLink(ctx, input.token, async (tx, row, now) => {
      if (row.mergedIntoId) throw mergedAway();
      const calendar = backofficeCalendar();
      const category = await findCategory(tx, row.category);
      const resumed = row.status === 'waiting' ? resumeClock(calendar, row, now) : {};
      const reopened = row.status === 'resolved' ? { reopenCount: row.reopenCount + 1, resolvedAt: null, resolutionDueAt: restartedResolution(calendar, category, now) } : {};
      const next = { ...row, ...resumed, ...reopened, status: 'open' as const };
      const due = row.status === 'new' ? {} : dueOf(calendar, next, category);
      const moved = await moveRequest(tx, row, 'answer', linkHolder(row), { ...resumed, ...reopened, ...due, linkExpiresAt: new Date(now.getTime() + REQUEST_LINK_MS) }, now, { files: files.length, reopened: row.status === 'resolved' });
      await appendRequestMessage(tx, row.id, { kind: 'subscriber', authorId: null, body: input.text }, now);
      await attachRequestFiles(tx, moved, files, { kind: 'subscriber', authorId: null, visitorId: row.visitorId }, now);
    }),
  );
}
