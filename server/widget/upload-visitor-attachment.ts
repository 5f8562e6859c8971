import { and, eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { attachments, chatMessages } from '@/db/schema';
import { appendMessage } from '@/server/chat/append-message';
import { assertChatStatus } from '@/server/chat/chat-transitions';
import { loadVisitorMessages } from '@/server/chat/load-messages';
import type { MessageDto } from '@/server/chat/schemas';
import { inspectUpload } from '@/server/files/inspect-upload';
import { fileAttempt } from '@/server/files/stored-files';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import type { FileStorage } from '@/server/storage/file-storage';
import { getChatForVisitor, visitorAuthor } from './widget-chat-access';
import type { VisitorContext } from './widget-context';

/**
 * The visitor sends a photo (or a PDF) into their chat with an operator: the dealer's upload's
 * rules (server/chat/upload-attachment.ts): judged by its bytes, at most 10 MB, stored under its
 * sha256, removed again if the transaction fails; a retried upload (same client id) is stored once.
 */
export async function uploadVisitorAttachment({ ctx, input }: { ctx: VisitorContext & { storage: FileStorage }; input: { chatId: string; clientId: string; fileName: string; bytes: Uint8Array } }): Promise<MessageDto> {
  const { visitor } = ctx.widgetSession;
  const chat = await getChatForVisitor(ctx.db, visitor.id, input.chatId);
  const existing = await first(ctx.db.select({ seq: chatMessages.seq }).from(chatMessages).where(and(eq(chatMessages.chatId, chat.id), eq(chatMessages.clientId, input.clientId))));
  if (existing) {
    const [message] = await loadVisitorMessages(ctx.db, chat.id, { seq: existing.seq });
    if (message) return message;
  }
  assertChatStatus(chat, ['active'], 'send a file');
  const file = await inspectUpload(input.bytes, input.fileName);
  const { mime, sha256, storageKey } = file;
  const files = fileAttempt(ctx.db, ctx.storage);
  await files.put(storageKey, input.bytes);
  let message: MessageDto;
  try {
    message = await changeAndPublish(ctx, async (tx, emitter) => {
      const fresh = await getChatForVisitor(tx, visitor.id, input.chatId);
      assertChatStatus(fresh, ['active'], 'send a file');
      const now = ctx.clock.now();
      const [row] = await tx
        .insert(attachments)
        .values({ chatId: fresh.id, uploaderId: null, visitorId: visitor.id, fileName: file.fileName, mime, size: file.size, sha256, storageKey, createdAt: now })
        .returning();
      if (!row) throw new Error('the attachment insert returned no row');
      return appendMessage(
        tx,
        emitter,
        fresh,
        { kind: 'attachment', author: visitorAuthor(visitor), visitorId: visitor.id, body: row.fileName, clientId: input.clientId, attachment: { id: row.id, fileName: row.fileName, mime, size: row.size } },
        now,
      );
    });
  } catch (error) {
    await files.discard();
    throw error;
  }
  await files.keep();
  return message;
}
