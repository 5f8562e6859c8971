import { TRPCError } from '@trpc/server';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDb, openDb, type Db } from '@/db/client';
import { openPostgres } from '@/db/postgres';
// Renamed: ESLint's React rules take any use… call for a hook.
import { sessions, chooseDialect } from '@/db/schema';
import type { SessionRef } from '@/server/auth/session-watch';
import type { Actor, Clock, Scheduler } from '@/server/context';
import type { EventBus } from '@/server/realtime/event-bus';
import { InProcessEventBus } from '@/server/realtime/in-process-event-bus';
import { LocalFileStorage, type FileStorage } from '@/server/storage/file-storage';
import { createCaller } from '@/server/trpc/root';
import { isValidEdrpou } from '@/templates/validators';
import { createDatabaseFrom, dropDatabase } from './postgres';

export type TestBackend = 'sqlite' | 'postgres';

/**
 * The database the tests of this run are on: SQLite, or PostgreSQL in the PostgreSQL project
 * (`DEALER_DESK_TEST_DB=postgres`, vitest.config.ts).
 */
export const testBackend = (): TestBackend => (process.env.DEALER_DESK_TEST_DB === 'postgres' ? 'postgres' : 'sqlite');

export interface TestDb {
  db: Db;
  /** A temporary folder of the test's own (files, inboxes). */
  dir: string;
  /**
   * The database as DATABASE_URL names it, for a second connection or another process on the
   * same data: the SQLite file's path, or the PostgreSQL database's URL.
   */
  url: string;
}

/**
 * A fresh, migrated database and a temporary folder of its own; `cleanup` closes and deletes
 * both. SQLite: a real file in that folder (WAL, foreign keys on). PostgreSQL: a new database on
 * the run's one cluster, copied from the template migrated once (tests/helpers/postgres-global-setup.ts),
 * through a pool of 4 connections.
 */
export async function createTestDb(): Promise<TestDb & { cleanup: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-test-'));
  const removeDir = () => fs.rmSync(dir, { recursive: true, force: true });
  if (testBackend() === 'postgres') {
    // Imported here: outside vitest (bench/ uses the worlds built on these helpers) there is nothing to inject.
    const { inject } = await import('vitest');
    const { adminUrl, template } = inject('postgres');
    chooseDialect('postgres');
    const name = `test_${crypto.randomUUID().replaceAll('-', '')}`;
    let db: Db;
    let url: string;
    try {
      url = await createDatabaseFrom(adminUrl, name, template);
      db = await openPostgres(url, { max: 4 });
    } catch (error) {
      await dropDatabase(adminUrl, name).catch(() => undefined);
      removeDir();
      throw error;
    }
    return {
      db,
      dir,
      url,
      cleanup: async () => {
        try {
          await closeDb(db);
        } finally {
          await dropDatabase(adminUrl, name);
          removeDir();
        }
      },
    };
  }
  const url = path.join(dir, 'test.sqlite');
  const db = openDb(url);
  return {
    db,
    dir,
    url,
    cleanup: async () => {
      await closeDb(db);
      removeDir();
    },
  };
}

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  private current: number;
  constructor(iso = '2026-11-25T10:00:00.000Z') {
    this.current = Date.parse(iso);
  }
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current += ms;
  }
}

export const fixedClock = (iso?: string): Clock => new TestClock(iso);

/** Collects scheduled tasks; `runDue()` runs those whose time has come on the test clock. */
export class ManualScheduler implements Scheduler {
  readonly tasks = new Map<string, { when: Date; task: () => unknown }>();
  constructor(private readonly clock: Clock) {}
  at(when: Date, key: string, task: () => unknown) {
    this.tasks.set(key, { when, task });
  }
  /** Runs, one after another, the tasks due on the test clock; resolves with how many ran. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (const [key, { when, task }] of [...this.tasks]) {
      if (when <= this.clock.now()) {
        this.tasks.delete(key);
        await task();
        ran += 1;
      }
    }
    return ran;
  }
}

export interface Harness extends TestDb {
  clock: TestClock;
  bus: EventBus;
  scheduler: ManualScheduler;
  storage: FileStorage;
}

/** A database, a movable clock, an in-process bus, a manual scheduler and file storage, all fresh. */
export async function createHarness(): Promise<Harness & { cleanup: () => Promise<void> }> {
  const { db, dir, url, cleanup } = await createTestDb();
  const clock = new TestClock();
  return { db, dir, url, cleanup, clock, bus: new InProcessEventBus(), scheduler: new ManualScheduler(clock), storage: new LocalFileStorage(path.join(dir, 'files')) };
}

export function verbContext(h: Harness, actor: Actor) {
  return { db: h.db, actor, clock: h.clock, bus: h.bus, scheduler: h.scheduler };
}

/** A session row as better-auth writes it at sign-in, for what re-checks its session (the realtime feed). */
export async function openSession(db: Db, actor: Actor, clock: Clock = fixedClock(), ttlMs = 12 * 60 * 60 * 1000): Promise<SessionRef> {
  const now = clock.now();
  const session = { token: crypto.randomUUID().replaceAll('-', ''), expiresAt: new Date(now.getTime() + ttlMs) };
  await db.insert(sessions).values({ id: crypto.randomUUID(), ...session, createdAt: now, updatedAt: now, userId: actor.id });
  return session;
}

export function callerFor(db: Db, actor: Actor | null, clock: Clock = fixedClock(), h?: Partial<Harness> & { session?: SessionRef; signal?: AbortSignal }) {
  return createCaller(
    {
      db,
      actor,
      session: h?.session ?? null,
      clock,
      bus: h?.bus ?? new InProcessEventBus(),
      scheduler: h?.scheduler ?? new ManualScheduler(clock),
      storage: h?.storage ?? new LocalFileStorage(path.join(os.tmpdir(), 'dealer-desk-unused-storage')),
      ip: '127.0.0.1',
      userAgent: 'vitest',
      appUrl: 'http://localhost:3000',
    },
    { signal: h?.signal },
  );
}

export const harnessCaller = (h: Harness, actor: Actor | null) => callerFor(h.db, actor, h.clock, h);

/** A valid EDRPOU for a 7-digit stem: the check digit is found by trying all ten. */
export function validEdrpou(stem: number): string {
  const base = String(stem).padStart(7, '0').slice(-7);
  for (let d = 0; d <= 9; d += 1) if (isValidEdrpou(`${base}${d}`)) return `${base}${d}`;
  throw new Error(`no check digit makes ${base} valid`);
}

/** The TRPCError a call fails with; fails the test if the call succeeds or throws something else. */
export async function trpcFailure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
