/**
 * One app process's start on PostgreSQL, for tests/integration/postgres-migrate-once.test.ts: it
 * loads the code, prints `READY` and waits for a line on stdin (the test's starting shot, so that
 * every process opens the database at the same moment), then opens the given database with the
 * app's `openPostgres` (which migrates it), closes it and prints `OPENED <ms>`. A failure is
 * printed on stderr with exit code 1.
 *
 * Run as `node --import tsx tests/helpers/open-postgres-at-signal.ts <url> [pool size]` from the
 * repository root (the migrations are found from the working directory).
 */
import readline from 'node:readline';
import { closeDb } from '@/db/client';
import { openPostgres } from '@/db/postgres';

const [url, max] = process.argv.slice(2);
if (!url) throw new Error('usage: open-postgres-at-signal.ts <postgres url> [pool size]');

const lines = readline.createInterface({ input: process.stdin });
process.stdout.write('READY\n');
await new Promise<void>((resolve) => lines.once('line', () => resolve()));
lines.close();
const started = Date.now();
try {
  await closeDb(await openPostgres(url, { max: max ? Number(max) : 2 }));
  process.stdout.write(`OPENED ${Date.now() - started}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
}
