import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { dataDir } from '@/server/config/data-dir';
import { getDb, usesPostgres } from '@/server/config/database';
import { DatabaseFileStorage } from './database-file-storage';

/**
 * Where uploaded files and PDFs live. Local disk under DATA_DIR now; an object store fits behind
 * the same methods when several app servers share one set of files (its conditional write,
 * e.g. `If-None-Match: *`, gives `put` the same answer).
 *
 * Every key names its content (a sha256), so a file is never overwritten: `put` stores the bytes
 * only if the key is free and says whether this call created the file. Clean-up after a failed
 * attempt relies on that answer (server/files/stored-files.ts).
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<{ created: boolean }>;
  has(key: string): Promise<boolean>;
  get(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    if (!/^[a-z0-9/_.-]+$/i.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array): Promise<{ created: boolean }> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write a temporary file, then link it under the final name: a crash never leaves a
    // half-written file there, and the link fails (EEXIST) instead of replacing a file that is
    // already there — which is how exactly one of two concurrent writers learns it created it.
    const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    try {
      await fs.link(temp, file);
      return { created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { created: false };
      throw error;
    } finally {
      await fs.rm(temp, { force: true });
    }
  }

  async has(key: string): Promise<boolean> {
    return fs.access(this.file(key)).then(
      () => true,
      () => false,
    );
  }

  async get(key: string): Promise<Uint8Array> {
    return fs.readFile(this.file(key));
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
  }
}

let singleton: FileStorage | undefined;

/**
 * The app's files: on disk under DATA_DIR (one process, SQLite); in the database when it is
 * PostgreSQL, so every process of a cluster reads what another stored (docs/scaling.md, "Files").
 */
export function getFileStorage(): FileStorage {
  singleton ??= usesPostgres() ? new DatabaseFileStorage(getDb()) : new LocalFileStorage(path.join(dataDir(), 'files'));
  return singleton;
}
