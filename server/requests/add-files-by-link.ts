import { attachRequestFiles } from './request-access';
import type { PublicRequestContext } from './request-context';
import { mergedAway } from './request-errors';
import { withRequestFiles } from './request-files';
import { changeByLink } from './link-change';
import { linkHolder } from './request-link';
import { moveRequest } from './request-transitions';
import type { FileUpload, LinkViewDto } from './schemas';

/** The subscriber adds files (photos, PDFs) to a request that is still being handled; the status and the clock stay. */
export async function addFilesByLink({ ctx, input }: { ctx: PublicRequestContext; input: { token: string; files: FileUpload[] } }): Promise<LinkViewDto> {
  return withRequestFiles(ctx, input.files, (files) =>
    changeByLink(ctx, input.token, async (tx, row, now) => {
      if (row.mergedIntoId) throw mergedAway();
      const moved = await moveRequest(tx, row, 'addFiles', linkHolder(row), {}, now, { files: files.length });
      await attachRequestFiles(tx, moved, files, { kind: 'subscriber', authorId: null, visitorId: row.visitorId }, now);
    }),
  );
}
