import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { first, type DbOrTx, type Tx } from '@/db/client';
import { lockForUpdate } from '@/db/row-lock';
import { preparedQuery } from '@/db/prepared';
import { applications, chats } from '@/db/schema';
import type { Actor } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import { ALL_OPERATORS, operatorRecipient, visitorRecipient, type Audience, type Recipient } from '@/server/realtime/events';

export type ChatRow = typeof chats.$inferSelect;

const chatById = preparedQuery((db) =>
  db
    .select()
    .from(chats)
    .where(eq(chats.id, sql.placeholder('chatId')))
    .prepare(),
);

/**
 * The one ownership check for chats: the dealer company's users, the assigned operator (or the
 * one it is offered to), the back office for chats with a submitted application, and admins. Everyone else gets NOT_FOUND, so a chat's existence is not revealed.
 */
export async function getChatForActor(db: DbOrTx, actor: Actor, chatId: string): Promise<ChatRow> {
  const chat = await chatById(db).get({ chatId });
  if (!chat || !(mayReadChat(actor, chat) || (await backOfficeMayReadChat(db, actor, chat.id)))) throw notFound('Chat');
  return chat;
}

/**
 * Holds the chat's row until the commit (PostgreSQL; SQLite's writer lock does it). A verb that
 * writes an audit event and then something in a chat (a package's card) takes it first: the
 * chat's own verbs lock its row before their audit event, and in the other order each could hold
 * what the other waits for (docs/scaling.md, "What is one at a time").
 */
export async function lockChatRow(tx: Tx, chatId: string): Promise<void> {
  await lockForUpdate(tx, tx.select({ id: chats.id }).from(chats).where(eq(chats.id, chatId)));
}

/** The back office reads (never writes) the chat of an application that was submitted to it: the transcript and its files are evidence. */
export async function backOfficeMayReadChat(db: DbOrTx, actor: Actor, chatId: string): Promise<boolean> {
  if (actor.role !== 'backoffice') return false;
  const submitted = await first(
    db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.chatId, chatId), isNotNull(applications.submittedAt)))
      .limit(1),
  );
  return submitted !== undefined;
}

export function mayReadChat(actor: Actor, chat: Pick<ChatRow, 'dealerId' | 'operatorId' | 'offeredTo'>): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'dealer':
      return actor.dealerId !== null && chat.dealerId === actor.dealerId;
    case 'operator':
      return chat.operatorId === actor.id || chat.offeredTo === actor.id;
    default:
      return false;
  }
}

/** Who writes in a chat: its dealer company's users and its assigned operator (admins only read). */
export function mayWriteChat(actor: Actor, chat: Pick<ChatRow, 'dealerId' | 'operatorId'>): boolean {
  if (actor.role === 'dealer') return actor.dealerId === chat.dealerId;
  if (actor.role === 'operator') return chat.operatorId === actor.id;
  return false;
}

/** Who opened the chat, as an event's recipient: the dealer's representative, or the widget's visitor. */
export function participantOf(chat: Pick<ChatRow, 'dealerId' | 'dealerUserId' | 'visitorId'>): Recipient | null {
  if (chat.dealerId) return { kind: 'dealer', dealerId: chat.dealerId, userId: chat.dealerUserId };
  if (chat.visitorId) return visitorRecipient(chat.visitorId);
  return null;
}

/**
 * The audience of a chat's live events: the representative who opened it and its operator.
 * (Colleagues of the same dealer company may read the chat, and see it on their next read.)
 * `dealer: false` leaves the dealer out (operators' notes); `allOperators` adds every operator
 * (the queue changed).
 */
export function chatAudience(
  chat: Pick<ChatRow, 'id' | 'dealerId' | 'dealerUserId' | 'visitorId' | 'operatorId'>,
  { dealer = true, allOperators = false }: { dealer?: boolean; allOperators?: boolean } = {},
): { chatId: string; audience: Audience } {
  const audience: Audience = [];
  const participant = participantOf(chat);
  if (dealer && participant) audience.push(participant);
  if (chat.operatorId) audience.push(operatorRecipient(chat.operatorId));
  if (allOperators) audience.push(ALL_OPERATORS);
  return { chatId: chat.id, audience };
}
