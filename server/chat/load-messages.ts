import { and, asc, eq, ne, type SQL } from 'drizzle-orm';
import { alias, type DbOrTx } from '@/db/client';
import { attachments, chatMessages, users } from '@/db/schema';
import type { Actor } from '@/server/context';
import type { MessageDto } from './schemas';

/** A chat's messages as the actor may see them (dealers never see operator notes). */
export async function loadMessages(db: DbOrTx, actor: Actor, chatId: string, only?: { seq: number }): Promise<MessageDto[]> {
  // Made per call, of the tables of the process's dialect (chosen at start-up, after this module loads).
  const author = alias(users, 'author');
  const filters: SQL[] = [eq(chatMessages.chatId, chatId)];
  if (actor.role === 'dealer') filters.push(ne(chatMessages.kind, 'note'));
  if (only) filters.push(eq(chatMessages.seq, only.seq));
  const rows = await db
    .select({
      id: chatMessages.id,
      chatId: chatMessages.chatId,
      seq: chatMessages.seq,
      kind: chatMessages.kind,
      authorId: chatMessages.authorId,
      authorName: author.name,
      authorRole: author.role,
      visitorId: chatMessages.visitorId,
      clientId: chatMessages.clientId,
      body: chatMessages.body,
      attachmentId: attachments.id,
      fileName: attachments.fileName,
      mime: attachments.mime,
      size: attachments.size,
      createdAt: chatMessages.createdAt,
    })
    .from(chatMessages)
    .leftJoin(author, eq(author.id, chatMessages.authorId))
    .leftJoin(attachments, eq(attachments.id, chatMessages.attachmentId))
    .where(and(...filters))
    .orderBy(asc(chatMessages.seq));
  return rows.map(({ attachmentId, fileName, mime, size, visitorId, ...m }) => ({
    ...m,
    // A widget visitor's message has no user as its author.
    authorRole: m.authorRole ?? (visitorId ? 'subscriber' : null),
    attachment: attachmentId && fileName && mime && size !== null ? { id: attachmentId, fileName, mime, size } : null,
  }));
}
