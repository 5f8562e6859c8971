import path from 'node:path';
import { openDb, type Db } from '@/db/client';
import { connectPostgres, openPostgres } from '@/db/postgres';
import { chooseDialect } from '@/db/schema';
import { dataDir } from './data-dir';
import { env } from './env';

const isPostgresUrl = (value: string) => /^postgres(ql)?:\/\//.test(value);

/** PostgreSQL when DATABASE_URL is a postgres:// URL; otherwise SQLite. */
export const usesPostgres = (): boolean => isPostgresUrl(env().DATABASE_URL ?? '');

/** The app's SQLite file: DATABASE_URL when it is a path, else under DATA_DIR (db/ itself knows no configuration). */
export function databaseFile(): string {
  const configured = env().DATABASE_URL;
  if (configured && !isPostgresUrl(configured)) return path.resolve(configured.replace(/^file:/, ''));
  return path.join(dataDir(), 'dealer-desk.sqlite');
}

/** Where the data is, for the start-up line and the health page (never the password). */
export function databaseLabel(): string {
  if (!usesPostgres()) return databaseFile();
  const url = new URL(env().DATABASE_URL as string);
  return `postgres://${url.host}${url.pathname}`;
}

let singleton: Db | undefined;
let opening: Promise<Db> | undefined;

/**
 * Opens the app's database once, migrated, and points the tables at its dialect. Called at
 * start-up (scripts/serve.ts, the scripts); PostgreSQL can only be opened this way (its migration
 * is asynchronous), SQLite also lazily by `getDb()`.
 */
export function openDatabase(): Promise<Db> {
  if (singleton) return Promise.resolve(singleton);
  opening ??= (async () => {
    if (usesPostgres()) {
      chooseDialect('postgres');
      singleton = await openPostgres(env().DATABASE_URL as string, { max: env().DATABASE_POOL });
    } else {
      singleton = openDb(databaseFile());
    }
    return singleton;
  })();
  return opening;
}

/**
 * The app's database (never opened at import time: `next build` imports routes). PostgreSQL is
 * migrated by `openDatabase()` at start-up; a module graph that did not run it (Next.js's bundle
 * in the same process) connects here without migrating.
 */
export function getDb(): Db {
  if (singleton) return singleton;
  if (usesPostgres()) {
    chooseDialect('postgres');
    singleton = connectPostgres(env().DATABASE_URL as string, { max: env().DATABASE_POOL });
  } else {
    singleton = openDb(databaseFile());
  }
  return singleton;
}
