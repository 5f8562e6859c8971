import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabaseFrom, dropDatabase } from '../helpers/postgres';
import { testBackend } from '../helpers/test-db';

// Several app processes starting at once on one EMPTY PostgreSQL database: each migrates through
// db/postgres.ts's `openPostgres`, one of them under the advisory lock, the others wait and find
// nothing to do. Real processes, released by one starting shot: all succeed, the schema is there,
// and drizzle's journal holds each migration exactly once. Only in the PostgreSQL project.

const ROOT = process.cwd();
const CHILD_SCRIPT = path.join(ROOT, 'tests/helpers/open-postgres-at-signal.ts');
const MIGRATIONS_DIR = path.join(ROOT, 'db', 'migrations-pg');
const PROCESSES = 4;

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: Promise<{ code: number | null; stdout: string; stderr: string }>;
  ready: Promise<void>;
}

function startChild(url: string, poolSize: number): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, url, String(poolSize)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      stdout += `${line}\n`;
      if (line === 'READY') resolve();
    });
    child.once('exit', (code) => reject(new Error(`the process ended (${code}) before it was ready: ${stderr}`)));
  });
  const output = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, output, ready };
}

/** The migrations drizzle-kit generated: their hashes, as drizzle's migrator records them. */
function generatedMigrations(): { tag: string; hash: string }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map(({ tag }) => ({ tag, hash: crypto.createHash('sha256').update(fs.readFileSync(path.join(MIGRATIONS_DIR, `${tag}.sql`), 'utf8')).digest('hex') }));
}

describe.runIf(testBackend() === 'postgres')('several processes starting at once on an empty PostgreSQL database', () => {
  const databases: string[] = [];
  const children: ChildProcess[] = [];

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    const { adminUrl } = inject('postgres');
    for (const name of databases) await dropDatabase(adminUrl, name);
  });

  async function startAtOnce(name: string, poolSizes: number[]) {
    const { adminUrl } = inject('postgres');
    const url = await createDatabaseFrom(adminUrl, name);
    databases.push(name);
    const started = poolSizes.map((size) => startChild(url, size));
    children.push(...started.map((s) => s.child));
    await Promise.all(started.map((s) => s.ready));
    for (const { child } of started) child.stdin.write('go\n');
    return { url, results: await Promise.all(started.map((s) => s.output)) };
  }

  async function journal(url: string): Promise<{ hash: string; times: number }[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ hash: string; times: number }>('SELECT hash, count(*)::int AS times FROM drizzle.__drizzle_migrations GROUP BY hash ORDER BY min(id)');
      return rows;
    } finally {
      await client.end();
    }
  }

  async function tableCount(url: string): Promise<number> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
      return rows[0]?.n ?? 0;
    } finally {
      await client.end();
    }
  }

  it(`${PROCESSES} processes all start, and each migration is applied once`, async () => {
    const { url, results } = await startAtOnce(`migrate_once_${crypto.randomUUID().slice(0, 8)}`, Array.from({ length: PROCESSES }, () => 2));
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^READY\nOPENED \d+\n$/);
    }
    expect(await journal(url)).toEqual(generatedMigrations().map(({ hash }) => ({ hash, times: 1 })));
    expect(await tableCount(url)).toBeGreaterThan(20);
  }, 60_000);

  it('a process with a pool of one connection migrates too (the lock and the migration share it)', async () => {
    const { url, results } = await startAtOnce(`migrate_once_${crypto.randomUUID().slice(0, 8)}`, [1, 1]);
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    expect(await journal(url)).toEqual(generatedMigrations().map(({ hash }) => ({ hash, times: 1 })));
  }, 60_000);
});
