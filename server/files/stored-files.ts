import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attachments } from '@/db/schema';
import type { FileStorage } from '@/server/storage/file-storage';

/** Stores bytes under their content address; the same bytes stored twice are one file. */
export async function putContentAddressed(storage: FileStorage, key: string, bytes: Uint8Array): Promise<void> {
  await storage.put(key, bytes).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

/** After a failed transaction: remove the file unless another row already uses the same bytes. */
export async function removeIfUnused(db: Db, storage: FileStorage, key: string): Promise<void> {
  const stillUsed = db.select({ id: attachments.id }).from(attachments).where(eq(attachments.storageKey, key)).get();
  if (!stillUsed) await storage.remove(key);
}
