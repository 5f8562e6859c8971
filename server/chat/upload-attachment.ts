import { and, eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { attachments, chatMessages } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import { inspectUpload } from '@/server/files/inspect-upload';
import { fileAttempt } from '@/server/files/stored-files';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import type { FileStorage } from '@/server/storage/file-storage';
import { appendMessage } from './append-message';
import { getChatForActor, mayWriteChat } from './chat-access';
import { assertChatStatus } from './chat-transitions';
import { loadMessages } from './load-messages';
import type { MessageDto } from './schemas';

export interface UploadInput {
  chatId: string;
  clientId: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * A photo or scan in a chat: JPEG, PNG or PDF judged by its bytes (not its name), at most 10 MB,
 * stored under its sha256. The file is written before the transaction; if the transaction fails
 * the file is removed if this upload created it and nothing uses it (the same bytes sent elsewhere
 * are the same file), so no orphan stays behind. A retried upload (same client id) is stored once.
 */
export async function uploadAttachment({ ctx, input }: { ctx: SignedInContext & { storage: FileStorage }; input: UploadInput }): Promise<MessageDto> {
  const chat = await getChatForActor(ctx.db, ctx.actor, input.chatId);
  const existing = await first(
    ctx.db
      .select({ seq: chatMessages.seq })
      .from(chatMessages)
      .where(and(eq(chatMessages.chatId, chat.id), eq(chatMessages.clientId, input.clientId))),
  );
  if (existing) {
    const [message] = await loadMessages(ctx.db, ctx.actor, chat.id, { seq: existing.seq });
    if (message) return message;
  }
  if (!mayWriteChat(ctx.actor, chat)) throw notFound('Chat');
  assertChatStatus(chat, ['active'], 'send a file');
  const file = await inspectUpload(input.bytes, input.fileName);
  const { mime, sha256, storageKey } = file;
  const files = fileAttempt(ctx.db, ctx.storage);
  await files.put(storageKey, input.bytes);
  let message: MessageDto;
  try {
    message = await changeAndPublish(ctx, async (tx, emitter) => {
      const fresh = await getChatForActor(tx, ctx.actor, input.chatId);
      assertChatStatus(fresh, ['active'], 'send a file');
      const [row] = await tx
        .insert(attachments)
        .values({ chatId: fresh.id, uploaderId: ctx.actor.id, fileName: file.fileName, mime, size: file.size, sha256, storageKey, createdAt: ctx.clock.now() })
        .returning();
      if (!row) throw new Error('the attachment insert returned no row');
      return appendMessage(
        tx,
        emitter,
        fresh,
        { kind: 'attachment', author: ctx.actor, body: row.fileName, clientId: input.clientId, attachment: { id: row.id, fileName: row.fileName, mime, size: row.size } },
        ctx.clock.now(),
      );
    });
  } catch (error) {
    await files.discard();
    throw error;
  }
  await files.keep();
  return message;
}
