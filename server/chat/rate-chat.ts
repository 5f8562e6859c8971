import { and, eq, isNull } from 'drizzle-orm';
import { chats } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { conflict } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { chatAudience, getChatForActor } from './chat-access';
import { assertChatStatus } from './chat-transitions';

/** After closing, the dealer rates the chat once, 1 to 5, with an optional comment. */
export function rateChat({ ctx, input }: { ctx: SignedInContext; input: { chatId: string; rating: number; comment?: string } }): void {
  changeAndPublish(ctx, (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = getChatForActor(tx, ctx.actor, input.chatId);
    if (ctx.actor.role !== 'dealer') throw conflict('errors.onlyDealerRates', 'Only the dealer rates a chat');
    assertChatStatus(chat, ['closed'], 'rate');
    const rated = tx
      .update(chats)
      .set({ rating: input.rating, ratingComment: input.comment || null, ratedAt: now })
      .where(and(eq(chats.id, chat.id), isNull(chats.rating)))
      .returning()
      .get();
    if (!rated) throw conflict('errors.alreadyRated', 'This chat has already been rated');
    writeAuditEvent(tx, { at: now, ...auditActor(ctx.actor), action: 'chat.rate', entityType: 'chat', entityId: chat.id, data: { rating: input.rating } });
    emitter.emit({ type: 'chat.rated', ...chatAudience(chat), payload: { chatId: chat.id, rating: input.rating } });
  });
}
