import { and, desc, eq, ne, or, type SQL } from 'drizzle-orm';
import { alias, first, type DbOrTx } from '@/db/client';
import { chats, users, visitors } from '@/db/schema';
import type { Actor, SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import { getChatForActor, type ChatRow } from './chat-access';
import { loadMessages } from './load-messages';
import type { MessageDto } from './schemas';
import type { VisitorHistory } from './subscriber-chat-schemas';

/**
 * A chat whose visitor's history the actor may read: its own operator's (not one it is merely
 * offered to) or an admin's. Anyone else gets NOT_FOUND, as for the chat itself.
 */
async function chatOfHistory(db: DbOrTx, actor: Actor, chatId: string): Promise<ChatRow> {
  const chat = await getChatForActor(db, actor, chatId);
  if (actor.role !== 'admin' && chat.operatorId !== actor.id) throw notFound('Chat');
  return chat;
}

/** The visitors who are the same proven person as the chat's: the same number (or, abroad, the same e-mail). null for a guest. */
async function sameProvenPerson(db: DbOrTx, chat: ChatRow): Promise<SQL | null> {
  if (chat.class !== 'subscriber' || !chat.visitorId) return null;
  const visitor = await first(db.select().from(visitors).where(eq(visitors.id, chat.visitorId)));
  if (!visitor?.verifiedBy || !(visitor.msisdn || visitor.email)) return null;
  const proofs = [visitor.msisdn ? eq(visitors.msisdn, visitor.msisdn) : undefined, visitor.email ? eq(visitors.email, visitor.email) : undefined];
  return and(eq(chats.class, 'subscriber'), or(...proofs)) ?? null;
}

/** A verified subscriber's earlier chats (never the current one), newest first, for the operator serving them. */
export async function visitorHistory({ ctx, input }: { ctx: SignedInContext; input: { chatId: string } }): Promise<VisitorHistory> {
  const chat = await chatOfHistory(ctx.db, ctx.actor, input.chatId);
  const samePerson = await sameProvenPerson(ctx.db, chat);
  if (!samePerson) return { verified: false, chats: [] };
  const operator = alias(users, 'history_operator');
  const rows = await ctx.db
    .select({
      id: chats.id,
      status: chats.status,
      topic: chats.topic,
      createdAt: chats.createdAt,
      closedAt: chats.closedAt,
      operatorName: operator.name,
      rating: chats.rating,
    })
    .from(chats)
    .innerJoin(visitors, eq(visitors.id, chats.visitorId))
    .leftJoin(operator, eq(operator.id, chats.operatorId))
    .where(and(samePerson, ne(chats.id, chat.id)))
    .orderBy(desc(chats.createdAt))
    .limit(50);
  return { verified: true, chats: rows };
}

/** One earlier chat's messages, read-only, notes included (staff only read them here); only a chat of the same proven person. */
export async function visitorHistoryMessages({ ctx, input }: { ctx: SignedInContext; input: { chatId: string; pastChatId: string } }): Promise<MessageDto[]> {
  const chat = await chatOfHistory(ctx.db, ctx.actor, input.chatId);
  const samePerson = await sameProvenPerson(ctx.db, chat);
  if (!samePerson || input.pastChatId === chat.id) throw notFound('Chat');
  const past = await first(
    ctx.db
      .select({ id: chats.id })
      .from(chats)
      .innerJoin(visitors, eq(visitors.id, chats.visitorId))
      .where(and(samePerson, eq(chats.id, input.pastChatId))),
  );
  if (!past) throw notFound('Chat');
  return loadMessages(ctx.db, ctx.actor, past.id);
}
