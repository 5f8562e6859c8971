import { staffOf, type RequestContext } from './request-context';
import { readRequestFile } from './read-request-file';

/** The back office downloads a file of a request. */
export async function readStaffFile({ ctx, input }: { ctx: RequestContext; input: { id: string; attachmentId: string } }) {
  staffOf(ctx);
  return readRequestFile(ctx.db, ctx.storage, input.id, input.attachmentId, true);
}
