import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { attachments, chatMessages } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { DomainError, invalid, notFound } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import type { FileStorage } from '@/server/storage/file-storage';
import { appendMessage } from './append-message';
import { getChatForActor, mayWriteChat } from './chat-access';
import { ALLOWED_ATTACHMENT_TYPES, CHAT_LIMITS } from './chat-config';
import { assertChatStatus } from './chat-transitions';
import { loadMessages } from './load-messages';
import type { MessageDto } from './schemas';

export interface UploadInput {
  chatId: string;
  clientId: string;
  fileName: string;
  bytes: Uint8Array;
}

const EXTENSION: Record<(typeof ALLOWED_ATTACHMENT_TYPES)[number], string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/** A file name safe to show and to put in Content-Disposition. */
function cleanFileName(name: string, mime: (typeof ALLOWED_ATTACHMENT_TYPES)[number]): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').trim().slice(0, 120) || 'file';
  return base.toLowerCase().endsWith(`.${EXTENSION[mime]}`) ? base : `${base}.${EXTENSION[mime]}`;
}

/**
 * A photo or scan in a chat: JPEG, PNG or PDF judged by its bytes (not its name), at most 10 MB,
 * stored under its sha256. The file is written before the transaction; if the transaction fails
 * the file is removed, so no orphan stays behind. A retried upload (same client id) is stored once.
 */
export async function uploadAttachment({ ctx, input, storage }: { ctx: SignedInContext; input: UploadInput; storage: FileStorage }): Promise<MessageDto> {
  const chat = getChatForActor(ctx.db, ctx.actor, input.chatId);
  const existing = ctx.db
    .select({ seq: chatMessages.seq })
    .from(chatMessages)
    .where(and(eq(chatMessages.chatId, chat.id), eq(chatMessages.clientId, input.clientId)))
    .get();
  if (existing) {
    const [message] = loadMessages(ctx.db, ctx.actor, chat.id, { seq: existing.seq });
    if (message) return message;
  }
  if (!mayWriteChat(ctx.actor, chat)) throw notFound('Chat');
  assertChatStatus(chat, ['active'], 'send a file');
  if (input.bytes.byteLength === 0) throw invalid('errors.fileEmpty', 'The file is empty');
  if (input.bytes.byteLength > CHAT_LIMITS.maxAttachmentBytes) {
    throw new DomainError('invalid', 'errors.fileTooLarge', `The file is larger than ${CHAT_LIMITS.maxAttachmentBytes / 1024 / 1024} MB`);
  }
  const detected = await fileTypeFromBuffer(input.bytes);
  const mime = ALLOWED_ATTACHMENT_TYPES.find((t) => t === detected?.mime);
  if (!mime) throw invalid('errors.fileType', `Only JPEG, PNG and PDF files are accepted (this one is ${detected?.mime ?? 'of an unknown type'})`);

  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const storageKey = `attachments/${sha256.slice(0, 2)}/${sha256}.${EXTENSION[mime]}`;
  await storage.put(storageKey, input.bytes).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error; // same bytes already stored: content-addressed
  });
  try {
    return changeAndPublish(ctx, (tx, emitter) => {
      const fresh = getChatForActor(tx, ctx.actor, input.chatId);
      assertChatStatus(fresh, ['active'], 'send a file');
      const row = tx
        .insert(attachments)
        .values({ chatId: fresh.id, uploaderId: ctx.actor.id, fileName: cleanFileName(input.fileName, mime), mime, size: input.bytes.byteLength, sha256, storageKey, createdAt: ctx.clock.now() })
        .returning()
        .get();
      return appendMessage(
        tx,
        emitter,
        fresh,
        { kind: 'attachment', author: ctx.actor, body: row.fileName, clientId: input.clientId, attachment: { id: row.id, fileName: row.fileName, mime, size: row.size } },
        ctx.clock.now(),
      );
    });
  } catch (error) {
    const stillUsed = ctx.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.storageKey, storageKey)).get();
    if (!stillUsed) await storage.remove(storageKey);
    throw error;
  }
}
