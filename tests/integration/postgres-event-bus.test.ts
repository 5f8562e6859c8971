import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb, inTransaction, rawRows, type Db } from '@/db/client';
import { openPostgres } from '@/db/postgres';
import { chooseDialect } from '@/db/schema';
import type { BusEvent } from '@/server/realtime/event-bus';
import { appendEvents, changeAndPublish } from '@/server/realtime/change-and-publish';
import { ALL_OPERATORS, eventDraft, type EventDraft } from '@/server/realtime/events';
import { EVENT_CHANNEL, PostgresEventBus } from '@/server/realtime/postgres-event-bus';
import { postgresUnavailable, startPostgres, type PostgresCluster } from '../helpers/postgres';

// The tables are PostgreSQL's in this file (one dialect per process).
chooseDialect('postgres');

/**
 * The shared event bus on a real PostgreSQL 15 (issue 16): two "processes" (two pools, two buses,
 * each with its own LISTEN connection) on one database. What one stores and publishes reaches
 * the other's subscribers once and in id order; ids are readable in commit order even when
 * transactions commit out of order; ephemeral events travel in the notification; a lost LISTEN
 * connection is re-established and the events stored meanwhile are caught up.
 */

const unavailable = postgresUnavailable();
if (unavailable) console.warn(`[postgres-event-bus] skipped: ${unavailable}`);

const clock = { now: () => new Date() };

const created = (chatId: string): EventDraft => ({ type: 'chat.created', chatId, audience: [ALL_OPERATORS], payload: { chatId } });
const typing = (chatId: string, name: string): EventDraft => ({ type: 'chat.typing', chatId, audience: [ALL_OPERATORS], payload: { chatId, role: 'dealer', name } });

/** Everything a bus delivers to one subscriber. */
function collect(bus: PostgresEventBus) {
  const events: BusEvent[] = [];
  const unsubscribe = bus.subscribe((event) => events.push(event));
  const stored = () => events.filter((event) => event.id !== null);
  return { events, stored, ids: () => stored().map((event) => event.id as number), unsubscribe };
}

/** Stores (and publishes) one event per chat id through the verb path, each in its own transaction. */
async function store(db: Db, bus: PostgresEventBus, chatIds: string[]): Promise<BusEvent[]> {
  const published: BusEvent[] = [];
  for (const chatId of chatIds) {
    await changeAndPublish({ db, bus: { publish: (events) => (published.push(...events), bus.publish(events)), subscribe: bus.subscribe.bind(bus) }, clock }, async (_tx, emitter) => {
      await emitter.emit(created(chatId));
    });
  }
  return published;
}

/** Waits for an expectation, patiently (the machine may be busy): delivery is asynchronous. */
const eventually = <T>(check: () => T | Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

const increasing = (ids: number[]) => ids.every((id, i) => i === 0 || id > (ids[i - 1] as number));

describe.skipIf(unavailable)('the event bus on PostgreSQL', () => {
  let cluster: PostgresCluster;
  let dbA: Db;
  let dbB: Db;
  let admin: pg.Client;
  let busA: PostgresEventBus;
  let busB: PostgresEventBus;

  beforeAll(async () => {
    cluster = await startPostgres();
    const url = await cluster.createDatabase('dealer_desk_bus');
    dbA = await openPostgres(url, { max: 4 });
    dbB = await openPostgres(url, { max: 4 });
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  }, 120_000);

  afterAll(async () => {
    await admin?.end();
    if (dbA) await closeDb(dbA);
    if (dbB) await closeDb(dbB);
    await cluster?.stop();
  }, 60_000);

  beforeEach(async () => {
    busA = new PostgresEventBus(dbA, { minReconnectDelayMs: 300, maxReconnectDelayMs: 1_000 });
    busB = new PostgresEventBus(dbB, { minReconnectDelayMs: 300, maxReconnectDelayMs: 1_000 });
    await Promise.all([busA.ready, busB.ready]);
  });

  afterEach(async () => {
    await busA.close();
    await busB.close();
  });

  it("delivers what one process stores to the other's subscribers (and its own) once each, in id order, as published", async () => {
    const onA = collect(busA);
    const onB = collect(busB);
    const fromA = await store(dbA, busA, ['a1', 'a2', 'a3']);
    const fromB = await store(dbB, busB, ['b1', 'b2']);
    const more = await store(dbA, busA, ['a4']);
    const published = [...fromA, ...fromB, ...more];
    const ids = published.map((event) => event.id as number);
    expect(increasing(ids)).toBe(true);

    await eventually(() => {
      expect(onA.ids()).toEqual(ids);
      expect(onB.ids()).toEqual(ids);
    });
    // What arrives is what was published (the row read back equals the event as emitted).
    expect(onB.stored()).toEqual(published);
    expect(onA.stored()).toEqual(published);

    // Nothing more arrives later (no duplicates from late notifications).
    await sleep(300);
    expect(onA.ids()).toEqual(ids);
    expect(onB.ids()).toEqual(ids);
  });

  it('a bus starts from where the log ends: older events are not replayed', async () => {
    await store(dbA, busA, ['old1', 'old2']);
    const late = new PostgresEventBus(dbB);
    try {
      await late.ready;
      const onLate = collect(late);
      const [fresh] = await store(dbA, busA, ['new1']);
      await eventually(() => expect(onLate.ids()).toEqual([fresh?.id]));
    } finally {
      await late.close();
    }
  });

  it('makes a second transaction that appends events wait for the first one to commit, so ids follow the commit order', async () => {
    const onB = collect(busB);
    const now = clock.now();
    let releaseFirst: () => void = () => undefined;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstAppended: () => void = () => undefined;
    const firstHasAppended = new Promise<void>((resolve) => (firstAppended = resolve));

    // tx1 appends an event and stays open.
    const tx1 = inTransaction(dbA, async (tx) => {
      const events = await appendEvents(tx, [eventDraft.parse(created('tx1'))], now);
      firstAppended();
      await firstMayCommit;
      return events;
    });
    await firstHasAppended;

    // tx2, on the other process's pool, tries to append: it waits for tx1's lock.
    let secondAppended = false;
    const tx2 = inTransaction(dbB, async (tx) => {
      const events = await appendEvents(tx, [eventDraft.parse(created('tx2'))], now);
      secondAppended = true;
      return events;
    });
    await eventually(async () => {
      const [row] = await rawRows<{ waiting: number }>(dbA, sql`select count(*)::int as waiting from pg_locks where locktype = 'advisory' and not granted`);
      expect(row?.waiting).toBe(1);
    });
    await sleep(200);
    expect(secondAppended).toBe(false);

    releaseFirst();
    const [first] = await tx1;
    const [second] = await tx2;
    expect(secondAppended).toBe(true);
    expect((first as BusEvent).id).toBeLessThan((second as BusEvent).id as number);

    // Published in the "wrong" order: the reader still sees them in id order, neither skipped.
    busB.publish([second as BusEvent]);
    busA.publish([first as BusEvent]);
    await eventually(() => expect(onB.ids()).toEqual([first?.id, second?.id]));
  });

  it('transactions that started in one order and commit in the other: ids are in commit order and a reader skips none', async () => {
    const onA = collect(busA);
    const onB = collect(busB);
    let releaseEarly: () => void = () => undefined;
    const earlyMayFinish = new Promise<void>((resolve) => (releaseEarly = resolve));
    let earlyEmitted: () => void = () => undefined;
    const earlyHasEmitted = new Promise<void>((resolve) => (earlyEmitted = resolve));
    const publishedEarly: BusEvent[] = [];

    // The early transaction emits first but is held open; the late one emits and commits meanwhile.
    const early = changeAndPublish({ db: dbA, bus: { publish: (events) => (publishedEarly.push(...events), busA.publish(events)), subscribe: busA.subscribe.bind(busA) }, clock }, async (_tx, emitter) => {
      await emitter.emit(created('early'));
      earlyEmitted();
      await earlyMayFinish;
    });
    await earlyHasEmitted;
    const [late] = await store(dbB, busB, ['late']);
    await eventually(() => expect(onA.ids()).toEqual([late?.id]));

    releaseEarly();
    await early;
    const [earlyEvent] = publishedEarly;
    expect(earlyEvent?.id).toBeGreaterThan(late?.id as number);
    await eventually(() => {
      expect(onA.ids()).toEqual([late?.id, earlyEvent?.id]);
      expect(onB.ids()).toEqual([late?.id, earlyEvent?.id]);
    });
  });

  it('under concurrent writers on both processes every reader gets every event once, in increasing id order', async () => {
    const onA = collect(busA);
    const onB = collect(busB);
    const published: BusEvent[] = [];
    const writer = (db: Db, bus: PostgresEventBus, name: string) => async (i: number) => {
      await changeAndPublish({ db, bus: { publish: (events) => (published.push(...events), bus.publish(events)), subscribe: bus.subscribe.bind(bus) }, clock }, async (_tx, emitter) => {
        await sleep(Math.random() * 5);
        await emitter.emit(created(`${name}${i}`));
        await sleep(Math.random() * 5);
        if (i % 3 === 0) await emitter.emit(created(`${name}${i}+`));
      });
    };
    const onAWrites = writer(dbA, busA, 'a');
    const onBWrites = writer(dbB, busB, 'b');
    await Promise.all(Array.from({ length: 30 }, (_, i) => [onAWrites(i), onBWrites(i)]).flat());

    const all = published.map((event) => event.id as number).sort((x, y) => x - y);
    expect(all).toHaveLength(80);
    await eventually(() => {
      expect(onA.ids()).toEqual(all);
      expect(onB.ids()).toEqual(all);
    });
  });

  it('carries ephemeral events in the notification, in order with the stored ones, and stores nothing of them', async () => {
    const onB = collect(busB);
    const [{ n: before }] = (await rawRows<{ n: number }>(dbA, sql`select count(*)::int as n from realtime_events`)) as [{ n: number }];
    const published: BusEvent[] = [];
    await changeAndPublish({ db: dbA, bus: { publish: (events) => (published.push(...events), busA.publish(events)), subscribe: busA.subscribe.bind(busA) }, clock }, async (_tx, emitter) => {
      emitter.emitEphemeral(typing('e1', 'before'));
      await emitter.emit(created('e1'));
      emitter.emitEphemeral({ type: 'queue.changed', chatId: null, audience: [ALL_OPERATORS], payload: { length: 3 } });
    });
    await eventually(() => expect(onB.events).toHaveLength(3));
    expect(onB.events).toEqual(published);
    expect(onB.events.map((event) => event.id === null)).toEqual([true, false, true]);
    const [{ n: after }] = (await rawRows<{ n: number }>(dbA, sql`select count(*)::int as n from realtime_events`)) as [{ n: number }];
    expect(after).toBe(before + 1);
  });

  it('keeps every notification under 8,000 bytes: many ids are split over several, an ephemeral event too big for one is dropped', async () => {
    const onB = collect(busB);
    const spy = new pg.Client({ connectionString: (dbA.$client as unknown as { options: { connectionString: string } }).options.connectionString });
    await spy.connect();
    const payloads: string[] = [];
    spy.on('notification', (message) => payloads.push(message.payload ?? ''));
    await spy.query(`LISTEN ${EVENT_CHANNEL}`);
    try {
      const published: BusEvent[] = [];
      await changeAndPublish({ db: dbA, bus: { publish: (events) => (published.push(...events), busA.publish(events)), subscribe: busA.subscribe.bind(busA) }, clock }, async (_tx, emitter) => {
        for (let i = 0; i < 2500; i += 1) await emitter.emit(created(`many${i}`));
        emitter.emitEphemeral(typing('many', 'x'.repeat(9_000)));
        emitter.emitEphemeral(typing('many', 'small'));
      });
      const ids = published.filter((event) => event.id !== null).map((event) => event.id);
      await eventually(() => expect(onB.events).toHaveLength(2501));
      expect(onB.ids()).toEqual(ids);
      expect(onB.events.at(-1)).toEqual(published.at(-1));
      await eventually(() => expect(payloads.length).toBeGreaterThan(1));
      for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
      // Ids, not bodies.
      expect(payloads.join('')).not.toContain('many1');
    } finally {
      await spy.end();
    }
  });

  it('after its LISTEN connection is killed, reconnects and catches up what was stored meanwhile, none lost or twice', async () => {
    const onB = collect(busB);
    const [before] = await store(dbA, busA, ['k0']);
    await eventually(() => expect(onB.ids()).toEqual([before?.id]));

    const pid = busB.listenerPid();
    expect(pid).not.toBeNull();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await eventually(() => expect(busB.listenerPid()).toBeNull());

    // Stored while busB does not listen (its notifications are lost to it).
    const meanwhile = await store(dbA, busA, ['k1', 'k2', 'k3']);
    await eventually(() => expect(busB.listenerPid()).not.toBeNull());
    expect(busB.listenerPid()).not.toBe(pid);
    const after = await store(dbA, busA, ['k4']);

    const ids = [before, ...meanwhile, ...after].map((event) => event?.id);
    await eventually(() => expect(onB.ids()).toEqual(ids));
    await sleep(300);
    expect(onB.ids()).toEqual(ids);
  });

  it('closes cleanly: its LISTEN connection ends and nothing more is delivered', async () => {
    const onB = collect(busB);
    const pid = busB.listenerPid();
    await busB.close();
    await eventually(async () => {
      const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where pid = $1', [pid]);
      expect(rows[0].n).toBe(0);
    });
    await store(dbA, busA, ['after-close']);
    await sleep(300);
    expect(onB.events).toEqual([]);
  });
});
