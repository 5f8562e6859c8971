import { inTransaction } from '@/db/client';
import { attachments } from '@/db/schema';
import type { SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import { inspectUpload } from '@/server/files/inspect-upload';
import { fileAttempt } from '@/server/files/stored-files';
import type { FileStorage } from '@/server/storage/file-storage';
import { getApplicationForActor } from './application-access';

/**
 * A scan of an identity document for an application: the same rules as chat attachments, stored
 * with the application's chat (so its operator may see it) but not posted as a message.
 */
export async function uploadScan({ ctx, input }: { ctx: SignedInContext & { storage: FileStorage }; input: { applicationId: string; fileName: string; bytes: Uint8Array } }) {
  const { application } = await getApplicationForActor(ctx.db, ctx.actor, input.applicationId);
  if (ctx.actor.role !== 'dealer') throw notFound('Application');
  const file = await inspectUpload(input.bytes, input.fileName);
  const files = fileAttempt(ctx.db, ctx.storage);
  await files.put(file.storageKey, input.bytes);
  let row;
  try {
    [row] = await inTransaction(ctx.db, (tx) =>
      tx
        .insert(attachments)
        .values({ chatId: application.chatId, uploaderId: ctx.actor.id, fileName: file.fileName, mime: file.mime, size: file.size, sha256: file.sha256, storageKey: file.storageKey, createdAt: ctx.clock.now() })
        .returning(),
    );
  } catch (error) {
    await files.discard();
    throw error;
  }
  await files.keep();
  if (!row) throw new Error('the scan was not inserted');
  return { id: row.id, fileName: row.fileName, mime: row.mime, size: row.size };
}
