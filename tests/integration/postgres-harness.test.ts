import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, dialectOf, first, inTransaction, openDb } from '@/db/client';
import { openPostgres } from '@/db/postgres';
import { realtimeEvents } from '@/db/schema';
import { getDb, openDatabase } from '@/server/config/database';
import { createHarness, createTestDb, testBackend } from '../helpers/test-db';

// The test database itself, in both projects (vitest.config.ts): what createHarness() hands a
// test is a migrated database of the run's dialect, values of every column kind come back as
// they went in, and two test databases share nothing.

describe(`the test database (${testBackend()})`, () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('is a migrated database of the run’s dialect', async () => {
    const h = await createHarness();
    cleanups.push(h.cleanup);
    expect(dialectOf(h.db)).toBe(testBackend());
    expect(h.url).toMatch(testBackend() === 'postgres' ? /^postgres:\/\// : /\.sqlite$/);
    expect(await h.db.select().from(realtimeEvents)).toEqual([]);
  });

  it('gives back a timestamp, a boolean and a JSON document as they were written', async () => {
    const h = await createHarness();
    cleanups.push(h.cleanup);
    const createdAt = new Date('2026-11-25T10:00:00.123Z');
    const payload = { text: 'Добрий день', count: 3, nested: { list: [1, 'два', null], flag: false } };
    const [inserted] = await inTransaction(h.db, (tx) =>
      tx.insert(realtimeEvents).values({ type: 'harness.check', chatId: 'chat-1', allOperators: true, payload, createdAt }).returning({ id: realtimeEvents.id }),
    );
    const id = inserted?.id;
    expect(id).toBeTypeOf('number');

    const row = await first(h.db.select().from(realtimeEvents).where(eq(realtimeEvents.id, id as number)));
    expect(row).toEqual({ id, type: 'harness.check', chatId: 'chat-1', dealerId: null, dealerUserId: null, operatorId: null, visitorId: null, allOperators: true, payload, createdAt });
    expect(row?.createdAt).toBeInstanceOf(Date);

    // A column's default (false) and a filter on a boolean.
    await inTransaction(h.db, (tx) => tx.insert(realtimeEvents).values({ type: 'harness.default', payload: {}, createdAt }));
    const everyone = await h.db.select({ type: realtimeEvents.type }).from(realtimeEvents).where(eq(realtimeEvents.allOperators, false));
    expect(everyone).toEqual([{ type: 'harness.default' }]);
  });

  it('leaves the app’s own database (getDb(), the route handlers’) of the same dialect and apart from the test’s', async () => {
    const h = await createHarness();
    cleanups.push(h.cleanup);
    expect(await openDatabase()).toBe(getDb());
    expect(dialectOf(getDb())).toBe(testBackend());
    const before = (await getDb().select({ id: realtimeEvents.id }).from(realtimeEvents)).length;
    await inTransaction(h.db, (tx) => tx.insert(realtimeEvents).values({ type: 'only.in.the.test', payload: {}, createdAt: new Date() }));
    expect(await getDb().select({ id: realtimeEvents.id }).from(realtimeEvents)).toHaveLength(before);
  });

  it('names itself by its url: a second connection through it sees the same rows', async () => {
    const h = await createHarness();
    cleanups.push(h.cleanup);
    await inTransaction(h.db, (tx) => tx.insert(realtimeEvents).values({ type: 'seen.twice', payload: {}, createdAt: new Date() }));
    const second = testBackend() === 'postgres' ? await openPostgres(h.url, { max: 1 }) : openDb(h.url);
    try {
      expect(await second.select({ type: realtimeEvents.type }).from(realtimeEvents)).toEqual([{ type: 'seen.twice' }]);
    } finally {
      await closeDb(second);
    }
  });

  it('is a database of its own: a row written in one is not in another', async () => {
    const a = await createTestDb();
    cleanups.push(a.cleanup);
    const b = await createTestDb();
    cleanups.push(b.cleanup);
    expect(a.dir).not.toBe(b.dir);
    expect(a.url).not.toBe(b.url);
    await inTransaction(a.db, (tx) => tx.insert(realtimeEvents).values({ type: 'only.in.a', payload: {}, createdAt: new Date() }));
    expect(await a.db.select({ type: realtimeEvents.type }).from(realtimeEvents)).toEqual([{ type: 'only.in.a' }]);
    expect(await b.db.select({ type: realtimeEvents.type }).from(realtimeEvents)).toEqual([]);
  });
});
