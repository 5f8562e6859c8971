import { and, eq, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { chats } from '@/db/schema';
import { chatAudience } from '@/server/chat/chat-access';
import { VISITOR_ROLE } from '@/server/chat/visitor-author';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import type { widgetMarkReadInput } from './schemas';
import { getChatForVisitor } from './widget-chat-access';
import type { VisitorContext } from './widget-context';

/** The visitor's read mark (chats.visitorReadSeq) only moves forward; the operator sees it at once. */
export async function markVisitorRead({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof widgetMarkReadInput> }): Promise<void> {
  const { visitor } = ctx.widgetSession;
  await changeAndPublish(ctx, async (tx, emitter) => {
    const chat = await getChatForVisitor(tx, visitor.id, input.chatId);
    const seq = Math.min(input.seq, chat.lastSeq);
    const [moved] = await tx
      .update(chats)
      .set({ visitorReadSeq: seq })
      .where(and(eq(chats.id, chat.id), lt(chats.visitorReadSeq, seq)))
      .returning({ id: chats.id });
    if (moved) emitter.emitEphemeral({ type: 'chat.read', ...chatAudience(chat), payload: { chatId: chat.id, role: VISITOR_ROLE, userId: visitor.id, seq } });
  });
}
