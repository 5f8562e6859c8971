import { inspectUpload, type InspectedUpload } from '@/server/files/inspect-upload';
import { fileAttempt, type FileAttempt } from '@/server/files/stored-files';
import type { FileStorage } from '@/server/storage/file-storage';
import type { Db } from '@/db/client';
import { invalid } from '@/server/errors/domain-error';
import type { FileUpload } from './schemas';

export type StoredRequestFile = InspectedUpload;

/**
 * A request's files (photos, PDFs) under the chat's rules (server/files/inspect-upload.ts: judged
 * by the bytes, at most 10 MB, content-addressed), all checked before any is stored; the caller
 * runs its transaction between `put` and `keep`/`discard` (`withRequestFiles`).
 */
export async function withRequestFiles<T>(ctx: { db: Db; storage: FileStorage }, uploads: FileUpload[], change: (files: StoredRequestFile[]) => Promise<T>): Promise<T> {
  const inspected: { file: InspectedUpload; bytes: Uint8Array }[] = [];
  for (const upload of uploads) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(upload.contentBase64)) throw invalid('errors.fileEmpty', 'The file is not base64');
    const bytes = new Uint8Array(Buffer.from(upload.contentBase64, 'base64'));
    inspected.push({ file: await inspectUpload(bytes, upload.fileName), bytes });
  }
  if (inspected.length === 0) return change([]);
  const attempt: FileAttempt = fileAttempt(ctx.db, ctx.storage);
  for (const { file, bytes } of inspected) await attempt.put(file.storageKey, bytes);
  let result: T;
  try {
    result = await change(inspected.map(({ file }) => file));
  } catch (error) {
    await attempt.discard();
    throw error;
  }
  await attempt.keep();
  return result;
}
