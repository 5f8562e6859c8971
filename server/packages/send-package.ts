import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { packageItems } from '@/db/schema';
import { appendMessage } from '@/server/chat/append-message';
import { lockChatRow } from '@/server/chat/chat-access';
import type { SignedInContext } from '@/server/context';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { chatOfOperator, getPackageForActor, movePackage } from './package-access';

export const sendPackageInput = z.object({ packageId: z.uuid('invalidId'), chatId: z.uuid('invalidId') });

/** The chat's operator sends a prepared package into it: one card the dealer opens. */
export async function sendPackage({ ctx, input }: { ctx: SignedInContext; input: z.infer<typeof sendPackageInput> }) {
  return changeAndPublish(ctx, async (tx, emitter) => {
    const row = await getPackageForActor(tx, ctx.actor, input.packageId);
    await lockChatRow(tx, input.chatId);
    const chat = await chatOfOperator(tx, ctx.actor, input.chatId);
    const now = ctx.clock.now();
    const count = (await tx.select({ id: packageItems.id }).from(packageItems).where(eq(packageItems.packageId, row.id))).length;
    const sent = await movePackage(tx, row, 'send', ctx.actor, { chatId: chat.id, dealerId: chat.dealerId, sentAt: now }, now, { chatId: chat.id });
    await appendMessage(tx, emitter, chat, { kind: 'prefill', author: ctx.actor, body: JSON.stringify({ packageId: sent.id, number: sent.number, title: sent.title, kind: sent.kind, forms: count }) }, now);
    return { packageId: sent.id, status: sent.status };
  });
}

