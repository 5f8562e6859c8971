import { and, asc, eq, gt, ne, notInArray, type SQL } from 'drizzle-orm';
import { alias, type DbOrTx } from '@/db/client';
import { attachments, chatMessages, users, visitors } from '@/db/schema';
import type { Actor } from '@/server/context';
import type { MessageDto } from './schemas';
import { VISITOR_ROLE, visitorDisplayName } from './visitor-author';
import { NOT_FOR_VISITORS } from './append-message';

/** A chat's messages as the actor may see them (dealers never see operator notes). */
export async function loadMessages(db: DbOrTx, actor: Actor, chatId: string, only?: { seq: number }): Promise<MessageDto[]> {
  const filters: SQL[] = [eq(chatMessages.chatId, chatId)];
  if (actor.role === 'dealer') filters.push(ne(chatMessages.kind, 'note'));
  if (only) filters.push(eq(chatMessages.seq, only.seq));
  return queryMessages(db, filters);
}

/** A chat's messages as its widget visitor sees them: never notes nor application cards; `sinceSeq` for those after it. */
export async function loadVisitorMessages(db: DbOrTx, chatId: string, { sinceSeq, seq }: { sinceSeq?: number; seq?: number } = {}): Promise<MessageDto[]> {
  const filters: SQL[] = [eq(chatMessages.chatId, chatId), notInArray(chatMessages.kind, [...NOT_FOR_VISITORS])];
  if (sinceSeq !== undefined) filters.push(gt(chatMessages.seq, sinceSeq));
  if (seq !== undefined) filters.push(eq(chatMessages.seq, seq));
  return queryMessages(db, filters);
}

async function queryMessages(db: DbOrTx, filters: SQL[]): Promise<MessageDto[]> {
  // Made per call, of the tables of the process's dialect (chosen at start-up, after this module loads).
  const author = alias(users, 'author');
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
      visitorMsisdn: visitors.msisdn,
      visitorEmail: visitors.email,
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
    .leftJoin(visitors, eq(visitors.id, chatMessages.visitorId))
    .leftJoin(attachments, eq(attachments.id, chatMessages.attachmentId))
    .where(and(...filters))
    .orderBy(asc(chatMessages.seq));
  return rows.map(({ attachmentId, fileName, mime, size, visitorId, visitorMsisdn, visitorEmail, ...m }) => ({
    ...m,
    ...(visitorId ? { authorName: visitorDisplayName({ msisdn: visitorMsisdn, email: visitorEmail }), authorRole: VISITOR_ROLE } : {}),
    attachment: attachmentId && fileName && mime && size !== null ? { id: attachmentId, fileName, mime, size } : null,
  }));
}
