import { and, eq, inArray, ne } from 'drizzle-orm';
import { chatReads, chats, operatorPresence, users } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { getChatForActor, mayWriteChat } from './chat-access';
import { andAll, chatSummaries, visibleChatsFilter } from './chat-summaries';
import { activeChatLoads } from './list-operators';
import { loadMessages } from './load-messages';
import { ensurePresence } from './operator-presence';
import type { ChatDetail, ChatSummary, OperatorConsole } from './schemas';
import { inTransaction } from '@/db/client';

/** One chat with all its messages and the other side's read mark. */
export function getChat({ ctx, input }: { ctx: SignedInContext; input: { chatId: string } }): ChatDetail {
  const chat = getChatForActor(ctx.db, ctx.actor, input.chatId);
  const [summary] = chatSummaries(ctx.db, ctx.actor, eq(chats.id, chat.id), ctx.clock.now(), 1);
  if (!summary) throw new Error('chat vanished between reads');
  const otherSide = ctx.actor.role === 'dealer' ? chat.operatorId : chat.dealerUserId;
  const readByOther = otherSide
    ? (ctx.db
        .select({ seq: chatReads.lastReadSeq })
        .from(chatReads)
        .where(and(eq(chatReads.chatId, chat.id), eq(chatReads.userId, otherSide)))
        .get()?.seq ?? 0)
    : 0;
  return {
    ...summary,
    messages: loadMessages(ctx.db, ctx.actor, chat.id),
    readByOther,
    ratingComment: chat.ratingComment,
    canWrite: mayWriteChat(ctx.actor, chat) && (chat.status === 'active' || (chat.status === 'queued' && ctx.actor.role === 'dealer')),
  };
}

/** The dealer desk's chats: the dealer company's, newest first. */
export function listChats({ ctx, input }: { ctx: SignedInContext; input?: { status?: (typeof chats.$inferSelect)['status'] } }): ChatSummary[] {
  return chatSummaries(ctx.db, ctx.actor, andAll(visibleChatsFilter(ctx.actor), input?.status ? eq(chats.status, input.status) : undefined), ctx.clock.now());
}

/** Everything the operator console shows: own presence, the queue, own active chats, colleagues for transfers. */
export function getOperatorConsole({ ctx }: { ctx: SignedInContext }): OperatorConsole {
  const now = ctx.clock.now();
  // A read: the presence row is written only the first time an operator opens the console.
  const presence =
    ctx.db.select().from(operatorPresence).where(eq(operatorPresence.userId, ctx.actor.id)).get() ?? inTransaction(ctx.db, (tx) => ensurePresence(tx, ctx.actor.id, now));
  const queue = chatSummaries(ctx.db, ctx.actor, eq(chats.status, 'queued'), now, 200).reverse();
  const mine = chatSummaries(ctx.db, ctx.actor, and(eq(chats.operatorId, ctx.actor.id), eq(chats.status, 'active')), now);
  const colleagues = ctx.db
    .select({ id: users.id, name: users.name, status: operatorPresence.status, capacity: operatorPresence.capacity })
    .from(users)
    .innerJoin(operatorPresence, eq(operatorPresence.userId, users.id))
    .where(and(eq(users.role, 'operator'), eq(users.active, true), ne(users.id, ctx.actor.id), inArray(operatorPresence.status, ['available', 'wrap_up'])))
    .all();
  const loads = activeChatLoads(ctx.db);
  return {
    status: presence.status,
    capacity: presence.capacity,
    missedOffers: presence.missedOffers,
    queue,
    chats: mine,
    colleagues: colleagues.map((c) => ({ ...c, load: loads.get(c.id) ?? 0 })),
  };
}
