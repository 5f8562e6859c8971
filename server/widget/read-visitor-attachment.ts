import { and, eq, notInArray } from 'drizzle-orm';
import { first } from '@/db/client';
import { attachments, chatMessages, chats } from '@/db/schema';
import { NOT_FOR_VISITORS } from '@/server/chat/append-message';
import { notFound } from '@/server/errors/domain-error';
import type { FileStorage } from '@/server/storage/file-storage';
import type { VisitorContext } from './widget-context';

/** A file of one of the visitor's chats, shown in a message they may see; NOT_FOUND otherwise. */
export async function readVisitorAttachment({ ctx, input }: { ctx: VisitorContext & { storage: FileStorage }; input: { attachmentId: string } }): Promise<{ bytes: Uint8Array; mime: string; fileName: string }> {
  const row = await first(
    ctx.db
      .select({ attachment: attachments })
      .from(attachments)
      .innerJoin(chats, eq(chats.id, attachments.chatId))
      .innerJoin(chatMessages, eq(chatMessages.attachmentId, attachments.id))
      .where(and(eq(attachments.id, input.attachmentId), eq(chats.visitorId, ctx.widgetSession.visitor.id), notInArray(chatMessages.kind, [...NOT_FOR_VISITORS])))
      .limit(1),
  );
  if (!row) throw notFound('Attachment');
  const bytes = await ctx.storage.get(row.attachment.storageKey);
  return { bytes, mime: row.attachment.mime, fileName: row.attachment.fileName };
}
