import type { PublicRequestContext } from './request-context';
import { resolveRequestLink } from './request-link';
import { readRequestFile } from './read-request-file';

/** The link holder downloads a file of their request (never one of an internal note). */
export async function readLinkFile({ ctx, input }: { ctx: PublicRequestContext; input: { token: string; attachmentId: string } }) {
  const row = await resolveRequestLink(ctx, input.token);
  return readRequestFile(ctx.db, ctx.storage, row.id, input.attachmentId, false);
}
