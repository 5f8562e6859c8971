import { eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { attachments, chats } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import type { FileStorage } from '@/server/storage/file-storage';
import { backOfficeMayReadChat, mayReadChat } from './chat-access';

/** An attachment's bytes for someone who may read its chat; NOT_FOUND for anyone else. */
export async function readAttachment({ ctx, input }: { ctx: SignedInContext & { storage: FileStorage }; input: { attachmentId: string } }) {
  const row = await first(
    ctx.db
      .select({ attachment: attachments, chat: { id: chats.id, dealerId: chats.dealerId, operatorId: chats.operatorId, offeredTo: chats.offeredTo } })
      .from(attachments)
      .innerJoin(chats, eq(chats.id, attachments.chatId))
      .where(eq(attachments.id, input.attachmentId)),
  );
  if (!row || !(mayReadChat(ctx.actor, row.chat) || (await backOfficeMayReadChat(ctx.db, ctx.actor, row.chat.id)))) throw notFound('Attachment');
  const bytes = await ctx.storage.get(row.attachment.storageKey);
  return { bytes, mime: row.attachment.mime, fileName: row.attachment.fileName, sha256: row.attachment.sha256 };
}
