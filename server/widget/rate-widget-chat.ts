import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { chats } from '@/db/schema';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { chatAudience } from '@/server/chat/chat-access';
import { assertChatStatus } from '@/server/chat/chat-transitions';
import { conflict } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import type { widgetRateInput } from './schemas';
import { getChatForVisitor, visitorAuditActor } from './widget-chat-access';
import type { VisitorContext } from './widget-context';

/** After the chat is closed, the visitor rates it once, 1 to 5, with an optional comment. */
export async function rateWidgetChat({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof widgetRateInput> }): Promise<void> {
  const { visitor } = ctx.widgetSession;
  await changeAndPublish(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = await getChatForVisitor(tx, visitor.id, input.chatId);
    assertChatStatus(chat, ['closed'], 'rate');
    const [rated] = await tx
      .update(chats)
      .set({ rating: input.rating, ratingComment: input.comment || null, ratedAt: now })
      .where(and(eq(chats.id, chat.id), isNull(chats.rating)))
      .returning({ id: chats.id });
    if (!rated) throw conflict('errors.alreadyRated', 'This chat has already been rated');
    await writeAuditEvent(tx, { at: now, ...visitorAuditActor(visitor), action: 'chat.rate', entityType: 'chat', entityId: chat.id, data: { rating: input.rating } });
    await emitter.emit({ type: 'chat.rated', ...chatAudience(chat), payload: { chatId: chat.id, rating: input.rating } });
  });
}
