import { and, count, eq, gt, isNotNull, notInArray } from 'drizzle-orm';
import type { z } from 'zod';
import { first, type DbOrTx } from '@/db/client';
import { chatMessages, chatReads, users } from '@/db/schema';
import { NOT_FOR_VISITORS } from '@/server/chat/append-message';
import { loadVisitorMessages } from '@/server/chat/load-messages';
import { queuePlaceOf, queueState } from '@/server/chat/queue-state';
import type { ChatRow } from '@/server/chat/chat-access';
import type { currentChatDto, currentChatInput, WidgetChatDto } from './schemas';
import { lastChatOf, openChatOf } from './widget-chat-access';
import type { VisitorContext } from './widget-context';

/** The visitor's open chat, or else their last one, as the widget shows it; null when they never chatted. */
export async function currentChat({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof currentChatInput> }): Promise<z.output<typeof currentChatDto>> {
  const visitorId = ctx.widgetSession.visitor.id;
  const chat = (await openChatOf(ctx.db, visitorId)) ?? (await lastChatOf(ctx.db, visitorId));
  if (!chat) return null;
  return widgetChatView(ctx.db, chat, ctx.clock.now(), input.sinceSeq);
}

/** Messages the visitor has not read: not their own, not system lines, never notes or cards. */
export async function visitorUnread(db: DbOrTx, chat: Pick<ChatRow, 'id' | 'visitorReadSeq'>): Promise<number> {
  const row = await first(
    db
      .select({ n: count() })
      .from(chatMessages)
      .where(
        and(
          eq(chatMessages.chatId, chat.id),
          gt(chatMessages.seq, chat.visitorReadSeq),
          isNotNull(chatMessages.authorId),
          notInArray(chatMessages.kind, ['system', ...NOT_FOR_VISITORS]),
        ),
      ),
  );
  return row?.n ?? 0;
}

export async function widgetChatView(db: DbOrTx, chat: ChatRow, now: Date, sinceSeq?: number): Promise<WidgetChatDto> {
  const operator = chat.operatorId ? await first(db.select({ name: users.name }).from(users).where(eq(users.id, chat.operatorId))) : undefined;
  const operatorRead = chat.operatorId
    ? ((await first(db.select({ seq: chatReads.lastReadSeq }).from(chatReads).where(and(eq(chatReads.chatId, chat.id), eq(chatReads.userId, chat.operatorId)))))?.seq ?? 0)
    : 0;
  const place = chat.status === 'queued' ? (await queueState(db, now)).places.get(chat.id) : undefined;
  return {
    id: chat.id,
    status: chat.status,
    topic: chat.topic,
    createdAt: chat.createdAt,
    acceptedAt: chat.acceptedAt,
    closedAt: chat.closedAt,
    operatorName: operator?.name ?? null,
    queue: place ? queuePlaceOf(place) : null,
    lastSeq: chat.lastSeq,
    visitorReadSeq: chat.visitorReadSeq,
    operatorReadSeq: operatorRead,
    unread: await visitorUnread(db, chat),
    rating: chat.rating,
    canRate: chat.status === 'closed' && chat.rating === null,
    canWrite: chat.status === 'queued' || chat.status === 'active',
    messages: await loadVisitorMessages(db, chat.id, sinceSeq ? { sinceSeq } : {}),
  };
}
