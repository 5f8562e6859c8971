import { and, eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { chatReads, chats } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { getChatForActor, mayWriteChat } from './chat-access';
import { chatSummaries } from './chat-summaries';
import { loadMessages } from './load-messages';
import type { ChatDetail } from './schemas';

/** One chat with all its messages and the other side's read mark. */
export async function getChat({ ctx, input }: { ctx: SignedInContext; input: { chatId: string } }): Promise<ChatDetail> {
  const chat = await getChatForActor(ctx.db, ctx.actor, input.chatId);
  const [summary] = await chatSummaries(ctx.db, ctx.actor, eq(chats.id, chat.id), ctx.clock.now(), 1);
  if (!summary) throw new Error('chat vanished between reads');
  const otherSide = ctx.actor.role === 'dealer' ? chat.operatorId : chat.dealerUserId;
  // A widget visitor's read mark is on the chat itself.
  const readByOther = chat.visitorId && ctx.actor.role !== 'dealer'
    ? chat.visitorReadSeq
    : otherSide
    ? ((await first(
        ctx.db
          .select({ seq: chatReads.lastReadSeq })
          .from(chatReads)
          .where(and(eq(chatReads.chatId, chat.id), eq(chatReads.userId, otherSide))),
      ))?.seq ?? 0)
    : 0;
  return {
    ...summary,
    messages: await loadMessages(ctx.db, ctx.actor, chat.id),
    readByOther,
    ratingComment: chat.ratingComment,
    canWrite: mayWriteChat(ctx.actor, chat) && (chat.status === 'active' || (chat.status === 'queued' && ctx.actor.role === 'dealer')),
  };
}
