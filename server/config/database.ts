import path from 'node:path';
import { openDb, type Db } from '@/db/client';
import { dataDir } from './data-dir';

/** The app's database file, under DATA_DIR (db/ itself knows no configuration). */
export function databaseFile(): string {
  return path.join(dataDir(), 'dealer-desk.sqlite');
}

let singleton: Db | undefined;

/** The app's database, opened on first use (never at import time: `next build` imports routes). */
export function getDb(): Db {
  singleton ??= openDb(databaseFile());
  return singleton;
}
