// npm run bench:requests — the back office's inbox of written requests over 100,000 requests: a
// year of them over 7 categories, 11 back-office people, every status (≈ 3 % open now, some of
// those late), 1–6 messages each, loaded into a fresh migrated SQLite file (or, with --db postgres,
// a throwaway PostgreSQL 15 cluster of the bench's own). Each query runs in-process through the
// same functions the back office's procedures call (drizzle query building and row mapping
// included), BENCH_ITERATIONS times (200) after 20 warm-up runs, its filter values rotating.
//
// The floor: a bare SELECT of one request by primary key through drizzle (the cost of any query at
// all); each query's ratio is its p50 over the floor's p50. The naive baseline (--naive, on by
// default on SQLite): the same queries again with the requests' secondary indexes dropped, to
// show what the indexes are worth.
// Last line: {"requests","messages","db","queries":{name:{"p50_ms","p99_ms","ratio_to_floor","naive_p50_ms","naive_p99_ms"}},
//             "floor":{"p50_ms","p99_ms"},"max_p99_ms","target_p99_ms","machine"}.
//
// Flags: --db sqlite|postgres; --explain prints SQLite's query plans; --no-naive skips the baseline;
// --try-index=col,col (repeatable) adds that index on requests before timing; --keep leaves the
// SQLite file. Environment: BENCH_REQUESTS (100000), BENCH_ITERATIONS (200), BENCH_SEED (1),
// BENCH_ONLY (a regular expression: only the queries whose name matches).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';

import { closeDb, dialectOf, first, openDb, rawRows, type Db } from '../db/client';
import { openPostgres } from '../db/postgres';
import * as schema from '../db/schema';
import { chooseDialect, requestMessages, requests, users } from '../db/schema';

import { DEFAULT_REQUEST_CATEGORIES, seedRequestCategories } from '../server/seed/request-categories';
import { seededRandom } from '../simulation/random';
import { startPostgres, type PostgresCluster } from '../tests/helpers/postgres';
import { percentile } from './lib/server';
import { inboxQueries, type InboxWorld } from './lib/request-queries';

const { values: args } = parseArgs({
  options: { db: { type: 'string' }, explain: { type: 'boolean' }, 'no-naive': { type: 'boolean' }, keep: { type: 'boolean' }, 'try-index': { type: 'string', multiple: true } },
});
const DB = args.db ?? 'sqlite';
if (DB !== 'sqlite' && DB !== 'postgres') throw new Error(`--db ${DB}: sqlite or postgres`);
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const NAIVE_ITERATIONS = Math.max(20, Math.round(ITERATIONS / 4));
const WARMUP = 20;
const TARGET_P99_MS = 50;
const BACKOFFICE_USERS = 11;
const CHUNK = 500;
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

const log = (...parts: unknown[]) => console.error('[bench:requests]', ...parts);

const rng = seededRandom(Number(process.env.BENCH_SEED ?? 1));
const random = rng.next;
const between = rng.uniform;

const CATEGORY_SHARE: Record<string, number> = { billing: 30, number_sim: 15, tariffs: 20, roaming: 8, coverage: 10, complaint: 7, other: 10 };
// A year of work: most requests long closed; ≈ 3 % open now (new, open, waiting), ≈ 4 % resolved and not yet closed.
const STATUS_MIX = [
  { value: 'closed' as const, weight: 92.5 },
  { value: 'resolved' as const, weight: 4.3 },
  { value: 'open' as const, weight: 1.3 },
  { value: 'waiting' as const, weight: 0.9 },
  { value: 'new' as const, weight: 1.0 },
];

type RequestRow = typeof requests.$inferInsert;
type MessageRow = typeof requestMessages.$inferInsert;

const msisdnOf = (k: number) => `+38067${String(1_000_000 + ((k * 7919) % 9_000_000)).padStart(7, '0')}`;

/** Inserts in chunks through drizzle (one statement per CHUNK rows: both dialects). */
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * The data set: the categories (the app's defaults), 11 back-office users, REQUESTS requests over
 * the last year (more of them recently), their messages. Due times: the category's targets in
 * business hours, taken as ≈ 2.5 wall-clock hours per business hour (nights and weekends).
 */
async function load(db: Db, now: number): Promise<InboxWorld> {
  await seedRequestCategories(db);
  const backoffice: string[] = [];
  const people = Array.from({ length: BACKOFFICE_USERS }, (_, i) => {
    const id = crypto.randomUUID();
    backoffice.push(id);
    return { id, name: `Бек-офіс ${i}`, email: `backoffice-${i}@bench.local`, emailVerified: true, role: 'backoffice' as const, createdAt: new Date(now - 400 * DAY), updatedAt: new Date(now - 400 * DAY) };
  });
  await db.insert(users).values(people);

  const categoryMix = DEFAULT_REQUEST_CATEGORIES.map((value) => ({ value, weight: CATEGORY_SHARE[value.key] ?? 5 }));
  const rows = Array.from({ length: REQUESTS }, () => {
    const status = rng.weighted(STATUS_MIX);
    // Open ones are hours to days old (a few weeks for the worst); resolved days; closed anywhere in the year.
    const ageDays = status === 'closed' ? 5 + 360 * (1 - Math.sqrt(random())) : status === 'resolved' ? 1 + 6 * random() : 10 * random() ** 2;
    return { status, at: Math.round(now - ageDays * DAY) };
  }).sort((a, b) => a.at - b.at);

  const requestRows: RequestRow[] = [];
  const messageRows: MessageRow[] = [];
  const numbers: string[] = [];
  const msisdns: string[] = [];
  const perYear = new Map<string, number>();
  rows.forEach(({ status, at }, k) => {
    const category = rng.weighted(categoryMix);
    const createdAt = new Date(at);
    const year = createdAt.toISOString().slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const number = `Z-${year}-${String(seq).padStart(6, '0')}`;
    const byEmail = random() < 0.15;
    const msisdn = byEmail ? null : msisdnOf(k);
    const firstResponseDueAt = new Date(at + category.firstResponseHours * 2.5 * HOUR);
    const resolutionDueAt = new Date(at + category.resolutionHours * 2.5 * HOUR);
    const answered = status !== 'new' && !(status === 'open' && random() < 0.3);
    const firstResponseAt = answered ? new Date(Math.min(now - MINUTE, at + between(0.2, 1.4) * category.firstResponseHours * 2.5 * HOUR)) : null;
    const resolvedAt = status === 'resolved' || status === 'closed' ? new Date(Math.min(now - MINUTE, at + between(0.3, 1.3) * category.resolutionHours * 2.5 * HOUR)) : null;
    const closedAt = status === 'closed' && resolvedAt ? new Date(Math.min(now - MINUTE, resolvedAt.getTime() + between(1, 7) * DAY)) : null;
    const dueAt = status === 'new' || (status === 'open' && !firstResponseAt) ? firstResponseDueAt : status === 'open' ? resolutionDueAt : null;
    const assigneeId = status === 'new' && random() < 0.8 ? null : (backoffice[Math.floor(random() * BACKOFFICE_USERS)] ?? null);
    const id = crypto.randomUUID();
    numbers.push(number);
    if (msisdn) msisdns.push(msisdn);
    requestRows.push({
      id,
      number,
      category: category.key,
      status,
      msisdn,
      email: byEmail ? `subscriber-${k}@example.com` : null,
      locale: random() < 0.9 ? 'uk' : 'en',
      subject: `Звернення ${k}: ${category.nameUk}`,
      consentAt: createdAt,
      assigneeId,
      createdAt,
      firstResponseAt,
      resolvedAt,
      closedAt,
      reopenCount: random() < 0.06 ? 1 : 0,
      firstResponseDueAt,
      resolutionDueAt,
      slaPausedAt: status === 'waiting' ? new Date(now - between(1, 48) * HOUR) : null,
      slaPausedMs: random() < 0.2 ? Math.round(between(1, 8) * HOUR) : 0,
      dueAt,
      // At risk when less than a quarter of the target is left (server/requests/sla.ts).
      riskAt: dueAt ? new Date(dueAt.getTime() - 0.25 * (dueAt === firstResponseDueAt ? category.firstResponseHours : category.resolutionHours) * 2.5 * HOUR) : null,
      rating: resolvedAt && random() < 0.35 ? 1 + Math.floor(random() ** 0.5 * 5) : null,
      linkTokenHash: crypto.randomUUID().replaceAll('-', '') + crypto.randomUUID().replaceAll('-', ''),
      linkExpiresAt: new Date(at + 90 * DAY),
      version: 3,
      updatedAt: new Date(Math.max(at, firstResponseAt?.getTime() ?? 0, resolvedAt?.getTime() ?? 0, closedAt?.getTime() ?? 0)),
    });
    // The subscriber's text, then replies, answers and notes: 1–6 lines.
    const lines = status === 'new' ? 1 : 2 + Math.floor(random() * 5);
    for (let s = 1; s <= lines; s += 1) {
      const kind = s === 1 ? 'subscriber' : s % 2 === 0 ? 'reply' : random() < 0.3 ? 'note' : 'subscriber';
      messageRows.push({
        id: crypto.randomUUID(),
        requestId: id,
        seq: s,
        kind,
        authorId: kind === 'reply' || kind === 'note' ? assigneeId : null,
        body: `${kind === 'subscriber' ? 'Добрий день! Прошу перевірити' : 'Дякуємо за звернення, перевіряємо'} — рядок ${s} звернення ${number}. `.repeat(2),
        createdAt: new Date(at + s * 10 * MINUTE),
      });
    }
  });
  await insertChunks(requestRows, (chunk) => db.insert(requests).values(chunk));
  await insertChunks(messageRows, (chunk) => db.insert(requestMessages).values(chunk));
  if (dialectOf(db) === 'sqlite') db.$client.exec('ANALYZE');
  else await rawRows(db, sql`analyze`);
  return { backoffice, numbers, msisdns, ids: requestRows.map((r) => r.id as string), categories: DEFAULT_REQUEST_CATEGORIES.map((c) => c.key), messages: messageRows.length };
}

const round2 = (ms: number) => Math.round(ms * 100) / 100;

async function time(run: (i: number) => Promise<unknown>, iterations: number) {
  for (let i = 0; i < WARMUP; i += 1) await run(i);
  const times: number[] = [];
  for (let i = 0; i < iterations; i += 1) {
    const start = process.hrtime.bigint();
    await run(WARMUP + i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: round2(percentile(times, 0.5)), p99: round2(percentile(times, 0.99)), max: round2(times.at(-1) ?? 0) };
}

/** Runs each query once through a drizzle instance that records its SQL, and prints SQLite's plan of each statement. */
async function explain(db: Db, world: InboxWorld, now: Date) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const logger = { logQuery: (text: string, params: unknown[]) => statements.push({ sql: text, params }) };
  const recording = Object.assign(drizzle({ client: db.$client, schema, casing: 'snake_case', logger }), { $client: db.$client });
  for (const query of inboxQueries(recording, world, now)) {
    statements.length = 0;
    await query.run(0);
    console.log(`\n${query.name}`);
    for (const { sql: text, params } of statements) {
      console.log(`  ${text.slice(0, 200)}${text.length > 200 ? ' …' : ''}`);
      for (const step of db.$client.prepare(`explain query plan ${text}`).all(...params) as { detail: string }[]) console.log(`    ${step.detail}`);
    }
  }
}

/** The requests' secondary indexes (not the primary key, not the unique ones), to drop for the naive baseline. */
function secondaryIndexes(db: Db): string[] {
  return (db.$client.prepare("select name from sqlite_master where type = 'index' and tbl_name = ? and sql is not null and sql not like 'CREATE UNIQUE%'").all('requests') as { name: string }[]).map((r) => r.name);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-bench-requests-'));
  let cluster: PostgresCluster | null = null;
  try {
    let db: Db;
    if (DB === 'sqlite') db = openDb(path.join(dir, 'bench.sqlite'));
    else {
      cluster = await startPostgres();
      chooseDialect('postgres');
      db = await openPostgres(await cluster.createDatabase('bench_requests'));
    }
    const nowMs = Date.now();
    const t0 = performance.now();
    const world = await load(db, nowMs);
    log(`loaded ${REQUESTS} requests and ${world.messages} messages into ${DB} in ${Math.round(performance.now() - t0)} ms`);
    const now = new Date(nowMs);
    for (const columns of args['try-index'] ?? []) {
      const name = `bench_try_${columns.replace(/[^a-z0-9]+/gi, '_')}`;
      if (DB === 'sqlite') db.$client.exec(`create index ${name} on requests (${columns}); analyze requests`);
      else await rawRows(db, sql.raw(`create index ${name} on requests (${columns}); analyze requests`));
      log(`added index ${name} on requests (${columns})`);
    }
    if (args.explain && DB === 'sqlite') await explain(db, world, now);

    // The floor: one request by primary key, nothing else.
    const floor = await time(async (i) => first(db.select({ id: requests.id, status: requests.status }).from(requests).where(eq(requests.id, world.ids[(i * 7919) % world.ids.length] ?? ''))), ITERATIONS);
    const results: { name: string; p50: number; p99: number; max: number; naive?: { p50: number; p99: number } }[] = [];
    for (const q of inboxQueries(db, world, now).filter((x) => !ONLY || ONLY.test(x.name))) results.push({ name: q.name, ...(await time(q.run, ITERATIONS)) });

    const naive = DB === 'sqlite' && !args['no-naive'];
    if (naive) {
      const dropped = secondaryIndexes(db);
      for (const name of dropped) db.$client.exec(`drop index "${name}"`);
      db.$client.exec('ANALYZE');
      log(`naive baseline: dropped ${dropped.join(', ')}; ${NAIVE_ITERATIONS} runs each`);
      for (const q of inboxQueries(db, world, now)) {
        const r = results.find((x) => x.name === q.name);
        if (r) r.naive = await time(q.run, NAIVE_ITERATIONS);
      }
    }

    const width = Math.max(...results.map((r) => r.name.length), 'floor (SELECT by primary key)'.length);
    const cell = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(2)).padStart(9);
    console.log(`\n${'query'.padEnd(width)}  ${'p50 ms'.padStart(9)}  ${'p99 ms'.padStart(9)}  ${'max ms'.padStart(9)}  ${'× floor'.padStart(8)}  ${'naive p50'.padStart(9)}  ${'naive p99'.padStart(9)}`);
    console.log(`${'floor (SELECT by primary key)'.padEnd(width)}  ${cell(floor.p50)}  ${cell(floor.p99)}  ${cell(floor.max)}`);
    for (const r of results) {
      const flag = r.p99 >= TARGET_P99_MS ? '  ← misses the target' : '';
      console.log(`${r.name.padEnd(width)}  ${cell(r.p50)}  ${cell(r.p99)}  ${cell(r.max)}  ${(r.p50 / floor.p50).toFixed(1).padStart(8)}  ${cell(r.naive?.p50)}  ${cell(r.naive?.p99)}${flag}`);
    }
    console.log(`(${DB}; ${ITERATIONS} runs each after ${WARMUP} warm-up${naive ? `; naive: the same without the requests' secondary indexes, ${NAIVE_ITERATIONS} runs` : ''}; target p99 < ${TARGET_P99_MS} ms)\n`);
    await closeDb(db);
    console.log(
      JSON.stringify({
        requests: REQUESTS,
        messages: world.messages,
        db: DB,
        queries: Object.fromEntries(
          results.map((r) => [r.name, { p50_ms: r.p50, p99_ms: r.p99, ratio_to_floor: Math.round((r.p50 / floor.p50) * 10) / 10, ...(r.naive ? { naive_p50_ms: r.naive.p50, naive_p99_ms: r.naive.p99 } : {}) }]),
        ),
        floor: { p50_ms: floor.p50, p99_ms: floor.p99 },
        max_p99_ms: Math.max(...results.map((r) => r.p99)),
        target_p99_ms: TARGET_P99_MS,
        machine: { cpus: os.cpus().length, memory_gib: Math.round(os.totalmem() / 2 ** 30) },
      }),
    );
  } finally {
    if (cluster) await cluster.stop();
    if (args.keep) log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
