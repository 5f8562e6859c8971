import { and, asc, eq } from 'drizzle-orm';
import type { ChatClass } from '@/db/column-values';
import { cannedReplies } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import type { CannedReplyOption } from './subscriber-chat-schemas';

/** The active canned replies for a class of chats, in both languages: the composer inserts the chat's. */
export async function listCannedRepliesForChat({ ctx, input }: { ctx: SignedInContext; input: { scope: ChatClass } }): Promise<CannedReplyOption[]> {
  return ctx.db
    .select({ id: cannedReplies.id, titleUk: cannedReplies.titleUk, titleEn: cannedReplies.titleEn, bodyUk: cannedReplies.bodyUk, bodyEn: cannedReplies.bodyEn })
    .from(cannedReplies)
    .where(and(eq(cannedReplies.scope, input.scope), eq(cannedReplies.active, true)))
    .orderBy(asc(cannedReplies.titleUk));
}
