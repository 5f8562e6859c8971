import { eq } from 'drizzle-orm';
import { first, inTransaction, type Db } from '@/db/client';
import { storedFiles } from '@/db/schema';
import type { FileStorage } from './file-storage';

/**
 * Files kept in the database (the stored_files table): what the app uses on PostgreSQL, where
 * several processes serve one set of chats and each must read what another stored. One system
 * to back up and restore, no shared file system to mount; a scan or a sealed PDF is kilobytes
 * to a few megabytes (the upload limits), well within what `bytea` holds.
 *
 * A key names its content (a sha256) and is written once: `put` inserts unless the key is
 * there, and says whether this call created it, as LocalFileStorage does with its hard link.
 */
export class DatabaseFileStorage implements FileStorage {
  constructor(private readonly db: Db) {}

  async put(key: string, bytes: Uint8Array): Promise<{ created: boolean }> {
    const content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const inserted = await inTransaction(this.db, (tx) =>
      tx.insert(storedFiles).values({ key, content, size: content.byteLength, createdAt: new Date() }).onConflictDoNothing().returning({ key: storedFiles.key }),
    );
    return { created: inserted.length === 1 };
  }

  async has(key: string): Promise<boolean> {
    return (await first(this.db.select({ key: storedFiles.key }).from(storedFiles).where(eq(storedFiles.key, key)))) !== undefined;
  }

  async get(key: string): Promise<Uint8Array> {
    const row = await first(this.db.select({ content: storedFiles.content }).from(storedFiles).where(eq(storedFiles.key, key)));
    if (!row) throw Object.assign(new Error(`no stored file ${key}`), { code: 'ENOENT' });
    return new Uint8Array(row.content);
  }

  async remove(key: string): Promise<void> {
    await inTransaction(this.db, (tx) => tx.delete(storedFiles).where(eq(storedFiles.key, key)));
  }
}
