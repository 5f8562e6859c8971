import { eq } from 'drizzle-orm';
import { chats } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { andAll, chatSummaries, visibleChatsFilter } from './chat-summaries';
import type { ChatSummary } from './schemas';

/** The dealer desk's chats: the dealer company's, newest first. */
export async function listChats({ ctx, input }: { ctx: SignedInContext; input?: { status?: (typeof chats.$inferSelect)['status'] } }): Promise<ChatSummary[]> {
  return chatSummaries(ctx.db, ctx.actor, andAll(visibleChatsFilter(ctx.actor), input?.status ? eq(chats.status, input.status) : undefined), ctx.clock.now());
}
