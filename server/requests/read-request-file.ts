import { and, eq } from 'drizzle-orm';
import { first, type DbOrTx } from '@/db/client';
import { attachments, requestMessages } from '@/db/schema';
import { notFound } from '@/server/errors/domain-error';
import type { FileStorage } from '@/server/storage/file-storage';

/**
 * A file of a request, as base64: only one attached to that request, and, for the link holder,
 * never one on an internal note (`withNotes` false).
 */
export async function readRequestFile(db: DbOrTx, storage: FileStorage, requestId: string, attachmentId: string, withNotes: boolean) {
  const row = await first(
    db
      .select({ attachment: attachments, kind: requestMessages.kind })
      .from(attachments)
      .innerJoin(requestMessages, and(eq(requestMessages.attachmentId, attachments.id), eq(requestMessages.requestId, requestId)))
      .where(and(eq(attachments.id, attachmentId), eq(attachments.requestId, requestId))),
  );
  if (!row || (!withNotes && row.kind === 'note')) throw notFound('File');
  const bytes = await storage.get(row.attachment.storageKey);
  if (!bytes) throw notFound('File');
  return { fileName: row.attachment.fileName, mime: row.attachment.mime, contentBase64: Buffer.from(bytes).toString('base64') };
}
