import type { PublicRequestContext } from './request-context';
import { linkViewOf } from './request-dto';
import { resolveRequestLink } from './request-link';
import type { LinkViewDto } from './schemas';

/** The link holder reads their request: its lines without internal notes, its promised times, what they may do. */
export async function viewRequestLink({ ctx, input }: { ctx: PublicRequestContext; input: { token: string } }): Promise<LinkViewDto> {
  return linkViewOf(ctx.db, await resolveRequestLink(ctx, input.token));
}
