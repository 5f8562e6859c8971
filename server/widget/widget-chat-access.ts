import { and, desc, eq, inArray } from 'drizzle-orm';
import { first, type DbOrTx } from '@/db/client';
import { chats } from '@/db/schema';
import type { AuditActor } from '@/server/audit/audit-actor';
import type { ChatRow } from '@/server/chat/chat-access';
import { VISITOR_ROLE, visitorAuditRole, visitorDisplayName } from '@/server/chat/visitor-author';
import { notFound } from '@/server/errors/domain-error';
import type { VisitorRow } from './widget-context';

/**
 * The one ownership check of the widget: a visitor reaches only chats of their own (a guest only
 * those they started; a proven visitor also those of their number from other devices). Any other
 * chat is NOT_FOUND, so its existence is not revealed. Only subscriber chats have a visitor.
 */
export async function getChatForVisitor(db: DbOrTx, visitorId: string, chatId: string): Promise<ChatRow> {
  const chat = await first(db.select().from(chats).where(and(eq(chats.id, chatId), eq(chats.visitorId, visitorId))));
  if (!chat) throw notFound('Chat');
  return chat;
}

/** The visitor's open chat (waiting or with an operator), the newest if there were several. */
export async function openChatOf(db: DbOrTx, visitorId: string): Promise<ChatRow | undefined> {
  return first(
    db
      .select()
      .from(chats)
      .where(and(eq(chats.visitorId, visitorId), inArray(chats.status, ['queued', 'active'])))
      .orderBy(desc(chats.createdAt))
      .limit(1),
  );
}

/** The visitor's latest chat, open or not. */
export async function lastChatOf(db: DbOrTx, visitorId: string): Promise<ChatRow | undefined> {
  return first(db.select().from(chats).where(eq(chats.visitorId, visitorId)).orderBy(desc(chats.createdAt)).limit(1));
}

/** The visitor as a message's author (id is the visitor's; appendMessage stores it as chat_messages.visitorId). */
export const visitorAuthor = (visitor: VisitorRow) => ({ id: visitor.id, name: visitorDisplayName(visitor), role: VISITOR_ROLE });

/** The visitor as the audit chain's actor: 'subscriber' once proven, 'guest' before. */
export const visitorAuditActor = (visitor: VisitorRow): AuditActor => ({ actorId: visitor.id, actorRole: visitorAuditRole(visitor) });

/** For chat transitions (moveChat takes an id and a role). */
export const visitorTransitionActor = (visitor: VisitorRow) => ({ id: visitor.id, role: visitorAuditRole(visitor) });
