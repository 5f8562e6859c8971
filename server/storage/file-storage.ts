import fs from 'node:fs/promises';
import path from 'node:path';
import { dataDir } from '@/server/config/data-dir';

/**
 * Where uploaded files and PDFs live. Local disk under DATA_DIR now; an object store fits behind
 * the same methods when several app servers share one set of files.
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  remove(key: string): Promise<void>;
}

export class LocalFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    if (!/^[a-z0-9/_.-]+$/i.test(key) || key.includes('..')) throw new Error(`unsafe storage key: ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a crash never leaves a half-written file under the final name.
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    await fs.rename(temp, file);
  }

  async get(key: string): Promise<Uint8Array> {
    return fs.readFile(this.file(key));
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
  }
}

let singleton: FileStorage | undefined;

export function getFileStorage(): FileStorage {
  singleton ??= new LocalFileStorage(path.join(dataDir(), 'files'));
  return singleton;
}
