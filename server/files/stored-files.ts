import { eq } from 'drizzle-orm';
import { first, type Db } from '@/db/client';
import { applications, attachments, signatures } from '@/db/schema';
import type { FileStorage } from '@/server/storage/file-storage';

/** Whether any row points at the file: a chat attachment or scan, a signature image, a sealed PDF. */
export async function isReferenced(db: Db, key: string): Promise<boolean> {
  return Boolean(
    (await first(db.select({ id: attachments.id }).from(attachments).where(eq(attachments.storageKey, key)).limit(1))) ??
      (await first(db.select({ id: signatures.id }).from(signatures).where(eq(signatures.imageKey, key)).limit(1))) ??
      (await first(db.select({ id: applications.id }).from(applications).where(eq(applications.pdfKey, key)).limit(1))),
  );
}

export interface FileAttempt {
  /** Stores the bytes under their content address (the same bytes stored twice are one file). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** After the transaction committed: puts back any of this attempt's files that are missing. */
  keep(): Promise<void>;
  /** After the transaction failed: removes what this attempt created and nothing references. */
  discard(): Promise<void>;
}

/**
 * The content-addressed files of one attempt (an upload, a signing) written before its
 * transaction, and what happens to them after it.
 *
 * The same bytes are ONE file, shared: the dealer's signature drawn once is on many applications,
 * a scan sent twice is one file. So a failed attempt never removes a file it found already there
 * (`put` says whether this attempt created it), nor one that a row references. A concurrent attempt
 * with the same bytes may still commit a row pointing at a file we created between our check and
 * our removal; hence both sides act, and whichever comes last leaves the file in place:
 *
 * - the failed attempt checks, removes, then checks again and puts the bytes back if a row
 *   appeared meanwhile (the first check only spares already committed rows a moment without it);
 * - every attempt, after its commit, puts back any of its files that are missing (`keep`).
 *
 * If the other commit comes before our second check, that check sees it; if after, its `keep`
 * comes after our removal and sees the file missing. No lock, no table of pending files, and no
 * orphan left behind by a failure. (A crash between writing and committing can still leave an
 * unreferenced file; it holds no row's data and is harmless.)
 */
export function fileAttempt(db: Db, storage: FileStorage): FileAttempt {
  const files = new Map<string, Uint8Array>();
  const created = new Set<string>();
  return {
    async put(key, bytes) {
      files.set(key, bytes);
      if ((await storage.put(key, bytes)).created) created.add(key);
    },
    async keep() {
      for (const [key, bytes] of files) if (!(await storage.has(key))) await storage.put(key, bytes);
    },
    async discard() {
      for (const key of created) {
        if (await isReferenced(db, key)) continue;
        await storage.remove(key).catch(() => undefined);
        const bytes = files.get(key);
        if (bytes && (await isReferenced(db, key))) await storage.put(key, bytes);
      }
      created.clear();
    },
  };
}
