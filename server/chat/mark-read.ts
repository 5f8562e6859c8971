import { sql } from 'drizzle-orm';
import { chatReads } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { chatAudience, getChatForActor } from './chat-access';

/** Read receipts: the reader's mark only moves forward; the other side sees it at once. */
export async function markRead({ ctx, input }: { ctx: SignedInContext; input: { chatId: string; seq: number } }): Promise<void> {
  await changeAndPublish(ctx, async (tx, emitter) => {
    const chat = await getChatForActor(tx, ctx.actor, input.chatId);
    const seq = Math.min(input.seq, chat.lastSeq);
    const now = ctx.clock.now();
    await tx
      .insert(chatReads)
      .values({ chatId: chat.id, userId: ctx.actor.id, lastReadSeq: seq, updatedAt: now })
      .onConflictDoUpdate({
        target: [chatReads.chatId, chatReads.userId],
        set: {
          lastReadSeq: sql`case when excluded.last_read_seq > ${chatReads.lastReadSeq} then excluded.last_read_seq else ${chatReads.lastReadSeq} end`,
          updatedAt: now,
        },
      });
    emitter.emitEphemeral({ type: 'chat.read', ...chatAudience(chat), payload: { chatId: chat.id, role: ctx.actor.role, userId: ctx.actor.id, seq } });
  });
}
