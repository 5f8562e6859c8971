import { asc } from 'drizzle-orm';
import { cannedReplies } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { toCannedReplyDto, type CannedReplyDto } from './canned-reply-schemas';

/** Every canned reply, active or not, for the admins who keep them. */
export async function listCannedReplies({ ctx }: { ctx: SignedInContext }): Promise<CannedReplyDto[]> {
  const rows = await ctx.db.select().from(cannedReplies).orderBy(asc(cannedReplies.scope), asc(cannedReplies.titleUk));
  return rows.map(toCannedReplyDto);
}
