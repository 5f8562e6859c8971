import { afterAll, inject } from 'vitest';
import { closeDb } from '@/db/client';
import { chooseDialect } from '@/db/schema';
import { getDb, openDatabase } from '@/server/config/database';
import { startEventBus, stopEventBus } from '@/server/realtime/in-process-event-bus';
import { createDatabaseFrom, dropDatabase } from './postgres';

// Runs before each test file of the PostgreSQL project (vitest.config.ts, `setupFiles`).

// The tables of PostgreSQL's dialect, from before the file's first query.
chooseDialect('postgres');

// The app's own database (`getDb()`, what the route handlers and the realtime feed use): for
// this file, a fresh copy of the migrated template, opened as start-up opens it, so `getDb()`
// answers at once as it does on SQLite. Closed and dropped after the file.
const { adminUrl, template } = inject('postgres');
const name = `app_${crypto.randomUUID().replaceAll('-', '')}`;
process.env.DATABASE_URL = await createDatabaseFrom(adminUrl, name, template);
process.env.DATABASE_POOL = '4';
await openDatabase();
// As start-up does: the bus listens before the file publishes anything.
await startEventBus();

afterAll(async () => {
  // (A file that closed it itself has nothing left to close; the drop ends whatever is still open.)
  await stopEventBus();
  await closeDb(getDb()).catch(() => undefined);
  await dropDatabase(adminUrl, name);
}, 30_000);
