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
export async function rateChat({ ctx, input }: { ctx: SignedInContext; input: { chatId: string; rating: number; comment?: string } }): Promise<void> {
  await changeAndPublish(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const chat = await getChatForActor(tx, ctx.actor, input.chatId);
    if (ctx.actor.role !== 'dealer') throw conflict('errors.onlyDealerRates', 'Only the dealer rates a chat');
    assertChatStatus(chat, ['closed'], 'rate');
    const [rated] = await tx
      .update(chats)
      .set({ rating: input.rating, ratingComment: input.comment || null, ratedAt: now })
      .where(and(eq(chats.id, chat.id), isNull(chats.rating)))
      .returning({ id: chats.id });
    if (!rated) throw conflict('errors.alreadyRated', 'This chat has already been rated');
    await writeAuditEvent(tx, { at: now, ...auditActor(ctx.actor), action: 'chat.rate', entityType: 'chat', entityId: chat.id, data: { rating: input.rating } });
    await emitter.emit({ type: 'chat.rated', ...chatAudience(chat), payload: { chatId: chat.id, rating: input.rating } });
  });
}
