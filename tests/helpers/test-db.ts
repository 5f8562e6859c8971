import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { openDb, type Db } from '@/db/client';
import { users } from '@/db/schema';
import { loadActiveActor } from '@/server/auth/load-actor';
import type { Actor, Clock } from '@/server/context';
import { seedDemoData } from '@/server/seed/demo-data';
import { createCaller } from '@/server/trpc/root';
import { isValidEdrpou } from '@/templates/validators';

/** A fresh, migrated SQLite file in its own temporary folder (a real file, WAL, foreign keys on). */
export function createTestDb(): { db: Db; dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-test-'));
  const db = openDb(path.join(dir, 'test.sqlite'));
  return {
    db,
    dir,
    cleanup: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const fixedClock = (iso = '2026-11-25T10:00:00.000Z'): Clock => ({ now: () => new Date(iso) });

/** The demo world: two dealer companies, three points of sale, one user of each role (two dealers, two operators). */
export async function seedWorld(db: Db) {
  await seedDemoData({ db, clock: fixedClock() });
  const actor = (email: string): Actor => {
    const row = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    const loaded = row && loadActiveActor(db, row.id);
    if (!loaded) throw new Error(`demo user ${email} missing`);
    return loaded;
  };
  return {
    dealer: actor('dealer@demo.local'),
    dealer2: actor('dealer2@demo.local'),
    operator: actor('operator@demo.local'),
    operator2: actor('operator2@demo.local'),
    backoffice: actor('backoffice@demo.local'),
    admin: actor('admin@demo.local'),
  };
}

export function callerFor(db: Db, actor: Actor | null, clock: Clock = fixedClock()) {
  return createCaller({ db, actor, clock, ip: '127.0.0.1', userAgent: 'vitest' });
}

/** A valid EDRPOU for a 7-digit stem: the check digit is found by trying all ten. */
export function validEdrpou(stem: number): string {
  const base = String(stem).padStart(7, '0').slice(-7);
  for (let d = 0; d <= 9; d += 1) if (isValidEdrpou(`${base}${d}`)) return `${base}${d}`;
  throw new Error(`no check digit makes ${base} valid`);
}
