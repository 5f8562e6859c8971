// npm run bench:backoffice — the back-office queue and the dealer's list on a year of data:
// 20 dealer companies (a few big, many small), 200 points of sale, 421 users, 100,000 chats and
// 100,000 applications over the last 12 months, loaded into a fresh migrated SQLite file. Each
// query is timed in-process through the real verbs (drizzle query building and row mapping
// included), 200 times after 20 warm-up runs, with its filter values rotating.
// Last line: {"applications","queries":{name:{"p50_ms","p99_ms"}},"max_p99_ms","target_p99_ms","machine"}.
//
// Flags: --explain prints SQLite's EXPLAIN QUERY PLAN of every statement each query runs;
// --try-index=col,col,... (repeatable) creates that index on applications before timing, to
// measure an index without touching the migrations; --no-analyze skips ANALYZE after loading
// (see load()); --keep leaves the database file in /tmp (path on stderr). Environment: BENCH_APPLICATIONS (100000),
// BENCH_ITERATIONS (200), BENCH_SEED (1).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';

import { closeDb, openDb, type Db } from '../db/client';
import * as schema from '../db/schema';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../db/schema';
import { listApplications } from '../server/applications/list-applications';
import { listQueue, queueCounters, type QueueInput } from '../server/backoffice/queue';
import type { Actor, SignedInContext } from '../server/context';
import { InProcessEventBus } from '../server/realtime/in-process-event-bus';
import { kyivDate } from '../server/time/kyiv';
import { seededRandom } from '../simulation/random';
import { TEMPLATES } from '../templates';
import { percentile } from './lib/server';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 20;
const TARGET_P99_MS = 50;
const COMPANIES = 20;
const POINTS_OF_SALE = 200;
const DEALER_USERS = 400;
const OPERATORS = 10;
const BACKOFFICE_USERS = 11;
const DAY = 86_400_000;
const MINUTE = 60_000;

const args = process.argv.slice(2);
const EXPLAIN = args.includes('--explain');
const KEEP = args.includes('--keep');
const ANALYZE = !args.includes('--no-analyze');
const TRY_INDEXES = args.filter((a) => a.startsWith('--try-index=')).map((a) => a.slice('--try-index='.length));

const log = (...parts: unknown[]) => console.error('[bench:backoffice]', ...parts);

/** Seeded (simulation/random.ts), so every run loads the same mix (only the UUIDs and "now" differ). */
const rng = seededRandom(Number(process.env.BENCH_SEED ?? 1));
const random = rng.next;
const between = rng.uniform;
const pick = rng.pick;

// The status mix of a year of work: most applications are long decided, ≈ 3,200 wait in the queue.
const STATUS_MIX: { value: ApplicationStatus; weight: number }[] = [
  { value: 'approved', weight: 80 },
  { value: 'rejected', weight: 5 },
  { value: 'cancelled', weight: 4 },
  { value: 'submitted', weight: 3 },
  { value: 'draft', weight: 3 },
  { value: 'filled', weight: 2 },
  { value: 'identified', weight: 1 },
  { value: 'signed', weight: 1 },
  { value: 'verified', weight: 0.7 },
  { value: 'disputed', weight: 0.3 },
];
const TEMPLATE_SHARE: Record<string, number> = {
  'sim-replacement': 30,
  'tariff-change': 25,
  'number-transfer': 10,
  'prepaid-to-contract': 10,
  'contract-termination': 10,
  'call-details': 10,
  'legal-entity-numbers': 5,
};

interface World {
  companies: { id: string; points: string[]; users: { id: string; pointOfSaleId: string }[] }[];
  operators: string[];
  backoffice: string[];
}

/** Loads the data set with raw prepared statements in one transaction (≈ 4.5 s on the 2-core machine). */
function load(db: Db, now: number): World {
  const client = db.$client;
  const insertDealer = client.prepare('insert into dealers (id, name, edrpou, status, created_at) values (?, ?, ?, ?, ?)');
  const insertPoint = client.prepare('insert into points_of_sale (id, dealer_id, name, town, address, created_at) values (?, ?, ?, ?, ?, ?)');
  const insertUser = client.prepare(
    'insert into user (id, name, email, email_verified, created_at, updated_at, role, dealer_id, point_of_sale_id, active) values (?, ?, ?, 1, ?, ?, ?, ?, ?, 1)',
  );
  const insertChat = client.prepare(
    `insert into chats (id, dealer_id, point_of_sale_id, dealer_user_id, operator_id, topic, status, created_at, accepted_at, closed_at, closed_by, last_seq)
     values (?, ?, ?, ?, ?, ?, 'closed', ?, ?, ?, 'operator', ?)`,
  );
  const insertApplication = client.prepare(
    `insert into applications (id, number, chat_id, dealer_id, point_of_sale_id, created_by, template_id, template_version, status, version,
       application_date, form_data, verified_by, verified_at, cancelled_at, submitted_at, submitted_by, sensitive, subscriber_confirmed_at,
       disputed_at, claimed_by, claim_active_at, decided_by, decided_at, decision_reason, created_at, updated_at)
     values (@id, @number, @chatId, @dealerId, @pointOfSaleId, @createdBy, @templateId, @templateVersion, @status, @version,
       @applicationDate, '{}', @verifiedBy, @verifiedAt, @cancelledAt, @submittedAt, @submittedBy, @sensitive, @subscriberConfirmedAt,
       @disputedAt, @claimedBy, @claimActiveAt, @decidedBy, @decidedAt, @decisionReason, @createdAt, @updatedAt)`,
  );
  const insertCounter = client.prepare('insert into counters (name, value) values (?, ?) on conflict (name) do update set value = excluded.value');

  const yearAgo = now - 365 * DAY;
  const world: World = { companies: [], operators: [], backoffice: [] };
  client.transaction(() => {
    // Company sizes follow a long tail: the biggest has ≈ 20 % of the applications, the smallest ≈ 2 %.
    const weights = Array.from({ length: COMPANIES }, (_, k) => 1 / (k + 1) ** 0.8);
    const weightSum = weights.reduce((s, w) => s + w, 0);
    for (let k = 0; k < COMPANIES; k += 1) {
      const id = crypto.randomUUID();
      insertDealer.run(id, `ТОВ «Дилер ${k + 1}»`, String(30_000_000 + k), 'active', yearAgo - 30 * DAY);
      world.companies.push({ id, points: [], users: [] });
    }
    // Points of sale in proportion to company size (at least 2 each), two dealer users per point.
    let pointsLeft = POINTS_OF_SALE;
    world.companies.forEach((company, k) => {
      const share = Math.max(2, Math.round((POINTS_OF_SALE * (weights[k] ?? 0)) / weightSum));
      const n = k === COMPANIES - 1 ? Math.max(1, pointsLeft) : Math.min(share, pointsLeft - 2 * (COMPANIES - 1 - k));
      for (let p = 0; p < n; p += 1) {
        const id = crypto.randomUUID();
        insertPoint.run(id, company.id, `Магазин ${k + 1}.${p + 1}`, `Місто ${(k * 7 + p) % 40}`, `вул. Соборна, ${p + 1}`, yearAgo - 30 * DAY);
        company.points.push(id);
      }
      pointsLeft -= n;
    });
    let u = 0;
    for (const company of world.companies) {
      for (const pointId of company.points) {
        for (let j = 0; j < DEALER_USERS / POINTS_OF_SALE; j += 1) {
          const id = crypto.randomUUID();
          insertUser.run(id, `Дилер ${u}`, `dealer-${u}@bench.local`, yearAgo, yearAgo, 'dealer', company.id, pointId);
          company.users.push({ id, pointOfSaleId: pointId });
          u += 1;
        }
      }
    }
    for (let i = 0; i < OPERATORS; i += 1) {
      const id = crypto.randomUUID();
      insertUser.run(id, `Оператор ${i}`, `operator-${i}@bench.local`, yearAgo, yearAgo, 'operator', null, null);
      world.operators.push(id);
    }
    for (let i = 0; i < BACKOFFICE_USERS; i += 1) {
      const id = crypto.randomUUID();
      insertUser.run(id, `Бек-офіс ${i}`, `backoffice-${i}@bench.local`, yearAgo, yearAgo, 'backoffice', null, null);
      world.backoffice.push(id);
    }

    const companyMix = world.companies.map((value, k) => ({ value, weight: weights[k] ?? 0 }));
    const templateMix = TEMPLATES.map((value) => ({ value, weight: TEMPLATE_SHARE[value.id] ?? 5 }));
    const company = () => rng.weighted(companyMix);
    const template = () => rng.weighted(templateMix);
    const status = () => rng.weighted(STATUS_MIX);
    // Decided and cancelled ones anywhere in the year (more recently, as the business grows);
    // the ones in flight are days old; the queue is up to three weeks deep, mostly recent.
    const rows = Array.from({ length: APPLICATIONS }, () => {
      const s = status();
      const ageDays =
        s === 'submitted'
          ? 21 * random() ** 2
          : s === 'disputed'
            ? 30 * random()
            : ['draft', 'identified', 'filled', 'verified', 'signed'].includes(s)
              ? 14 * random()
              : 3 + 362 * (1 - Math.sqrt(random()));
      return { s, at: Math.round(now - ageDays * DAY) };
    }).sort((a, b) => a.at - b.at);

    const perYear = new Map<string, number>();
    for (const { s, at } of rows) {
      const c = company();
      const author = pick(c.users);
      const operator = pick(world.operators);
      const t = template();
      const day = kyivDate(new Date(at));
      const year = day.slice(0, 4);
      const seq = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, seq);

      const submitted = ['submitted', 'disputed', 'approved', 'rejected'].includes(s);
      const createdAt = submitted ? at - Math.round(between(10, 120) * MINUTE) : at;
      const submittedAt = submitted ? at : null;
      const verifiedAt = submitted || s === 'verified' || s === 'signed' ? createdAt + Math.round(between(3, 9) * MINUTE) : null;
      const decided = s === 'approved' || s === 'rejected';
      const decidedAt = decided ? Math.min(now - MINUTE, at + Math.round(between(20, 48 * 60) * MINUTE)) : null;
      // Sensitive forms need the subscriber's confirmation before approval; 60 % of those waiting have it.
      const confirmed = t.sensitive && (s === 'approved' || (s === 'submitted' && random() < 0.6) || (s === 'rejected' && random() < 0.5));
      const subscriberConfirmedAt = confirmed && submittedAt ? Math.min(now - MINUTE, submittedAt + Math.round(between(2, 90) * MINUTE)) : null;
      const disputedAt = s === 'disputed' && submittedAt ? Math.min(now - MINUTE, submittedAt + Math.round(between(5, 240) * MINUTE)) : null;
      // A sixth of the open ones are claimed; about half of those claims are still live (< 30 min idle).
      const claimed = (s === 'submitted' || s === 'disputed') && random() < 1 / 6;
      const claimActiveAt = claimed ? now - Math.round(between(0, 60) * MINUTE) : null;
      const cancelledAt = s === 'cancelled' ? createdAt + Math.round(between(5, 600) * MINUTE) : null;
      const chatId = crypto.randomUUID();
      insertChat.run(chatId, c.id, author.pointOfSaleId, author.id, operator, t.id, createdAt - MINUTE, createdAt - MINUTE + 20_000, createdAt + 30 * MINUTE, 12);
      insertApplication.run({
        id: crypto.randomUUID(),
        number: `DD-${year}-${String(seq).padStart(6, '0')}`,
        chatId,
        dealerId: c.id,
        pointOfSaleId: author.pointOfSaleId,
        createdBy: author.id,
        templateId: t.id,
        templateVersion: t.version,
        status: s,
        version: submitted ? 8 : 3,
        applicationDate: day,
        verifiedBy: verifiedAt ? operator : null,
        verifiedAt,
        cancelledAt,
        submittedAt,
        submittedBy: submittedAt ? author.id : null,
        sensitive: t.sensitive ? 1 : 0,
        subscriberConfirmedAt,
        disputedAt,
        claimedBy: claimed ? pick(world.backoffice) : null,
        claimActiveAt,
        decidedBy: decided ? pick(world.backoffice) : null,
        decidedAt,
        decisionReason: s === 'rejected' ? 'document_unreadable' : null,
        createdAt,
        updatedAt: Math.max(createdAt, submittedAt ?? 0, decidedAt ?? 0, disputedAt ?? 0, subscriberConfirmedAt ?? 0, cancelledAt ?? 0),
      });
    }
    for (const [year, value] of perYear) insertCounter.run(`application-${year}`, value);
  })();
  // ANALYZE, because SQLite picks among the ten indexes of applications by their statistics
  // (sqlite_stat1/stat4, per bound value). Without them it judges an index by its shape alone and
  // can pick badly: for a small dealer's "approved + one form" list it walks all 80,000 approved
  // rows through applications_status_idx. A database that has run ANALYZE or `PRAGMA optimize`
  // gets the plans measured here; --no-analyze measures one that never has (the app today).
  if (ANALYZE) client.exec('ANALYZE');
  return world;
}

interface Query {
  name: string;
  /** Runs the query for iteration i (awaited: the verbs are async), rotating its filter values by i. */
  run: (i: number) => Promise<unknown>;
}

function queries(db: Db, world: World, now: Date): Query[] {
  const at = <T>(items: readonly T[], i: number): T => {
    const item = items[i % items.length];
    if (item === undefined) throw new Error('empty rotation');
    return item;
  };
  const dealerIds = world.companies.map((c) => c.id);
  const pointIds = world.companies.flatMap((c) => c.points);
  const templateIds = TEMPLATES.map((t) => t.id);
  // Seven-day windows ending 0–27 days ago, as the back office looks for last week's submissions.
  const ranges = Array.from({ length: 28 }, (_, d) => ({ from: kyivDate(new Date(now.getTime() - (d + 6) * DAY)), to: kyivDate(new Date(now.getTime() - d * DAY)) }));
  const queue = (input: (i: number) => QueueInput) => async (i: number) => listQueue(db, input(i), now);
  // Dealers of the three biggest companies: the lists with the most rows behind them.
  const dealersOf = (companies: World['companies']): Actor[] =>
    companies.flatMap((c) => c.users.map((u) => ({ id: u.id, name: 'dealer', email: 'dealer@bench.local', role: 'dealer' as const, dealerId: c.id, pointOfSaleId: u.pointOfSaleId })));
  const bigDealers = dealersOf(world.companies.slice(0, 3));
  // The five smallest companies: a rare status and form there leaves few matches among many rows.
  const smallDealers = dealersOf(world.companies.slice(-5));
  const dealerCtx = (i: number, actors = bigDealers): SignedInContext => ({
    db,
    actor: at(actors, i * 7),
    clock: { now: () => now },
    bus: new InProcessEventBus(),
    scheduler: { at: () => undefined },
  });
  return [
    { name: 'queue open (default)', run: queue(() => ({})) },
    { name: 'queue + template', run: queue((i) => ({ templateId: at(templateIds, i) })) },
    { name: 'queue + dealer', run: queue((i) => ({ dealerId: at(dealerIds, i) })) },
    { name: 'queue + point of sale', run: queue((i) => ({ pointOfSaleId: at(pointIds, i * 13) })) },
    { name: 'queue + date range', run: queue((i) => at(ranges, i)) },
    { name: 'queue + sensitiveOnly', run: queue(() => ({ sensitiveOnly: true })) },
    { name: 'queue + awaitingSubscriber', run: queue(() => ({ awaitingSubscriber: true })) },
    { name: 'queue + dealer + template + dates', run: queue((i) => ({ dealerId: at(dealerIds, i), templateId: at(templateIds, i), ...at(ranges, i) })) },
    { name: 'view disputed', run: queue(() => ({ view: 'disputed' })) },
    { name: 'view approved + dealer', run: queue((i) => ({ view: 'approved', dealerId: at(dealerIds, i) })) },
    { name: 'queue page 10 (offset 450)', run: queue(() => ({ offset: 450 })) },
    { name: 'queueCounters', run: async (i) => queueCounters(db, at(world.backoffice, i), now) },
    { name: 'dealer list', run: async (i) => listApplications({ ctx: dealerCtx(i) }) },
    // The dealer's list offers every status and every form in its filters (applications-list.tsx).
    { name: 'dealer list + status', run: async (i) => listApplications({ ctx: dealerCtx(i), input: { status: at(APPLICATION_STATUSES, i) } }) },
    { name: 'dealer list + template', run: async (i) => listApplications({ ctx: dealerCtx(i), input: { templateId: at(templateIds, i) } }) },
    {
      name: 'dealer list + status + template',
      run: async (i) => listApplications({ ctx: dealerCtx(i), input: { status: at(APPLICATION_STATUSES, i), templateId: at(templateIds, Math.floor(i / APPLICATION_STATUSES.length)) } }),
    },
    {
      name: 'dealer list + status + template (small co.)',
      run: async (i) =>
        listApplications({ ctx: dealerCtx(i, smallDealers), input: { status: at(APPLICATION_STATUSES, i), templateId: at(templateIds, Math.floor(i / APPLICATION_STATUSES.length)) } }),
    },
  ];
}

const round2 = (ms: number) => Math.round(ms * 100) / 100;

/** Runs the query once through a drizzle instance that records its SQL, and prints SQLite's plan of each statement. */
async function explain(db: Db, world: World, now: Date) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => statements.push({ sql, params }) };
  const recording = Object.assign(drizzle({ client: db.$client, schema, casing: 'snake_case', logger }), { $client: db.$client });
  for (const query of queries(recording, world, now)) {
    statements.length = 0;
    await query.run(0);
    console.log(`\n${query.name}`);
    for (const { sql, params } of statements) {
      console.log(`  ${sql.replace(/"applications"\."/g, '"').slice(0, 160)}${sql.length > 160 ? ' …' : ''}`);
      const plan = db.$client.prepare(`explain query plan ${sql}`).all(...params) as { id: number; parent: number; detail: string }[];
      const depth = new Map<number, number>([[0, 0]]);
      for (const step of plan) {
        const d = (depth.get(step.parent) ?? 0) + 1;
        depth.set(step.id, d);
        console.log(`  ${'  '.repeat(d)}${step.detail}`);
      }
    }
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-bench-backoffice-'));
  try {
    const db = openDb(path.join(dir, 'bench.sqlite'));
    const nowMs = Date.now();
    const t0 = performance.now();
    const world = load(db, nowMs);
    log(`loaded ${APPLICATIONS} applications in ${Math.round(performance.now() - t0)} ms (${dir})`);
    for (const columns of TRY_INDEXES) {
      const name = `bench_try_${columns.replace(/[^a-z0-9]+/gi, '_')}`;
      db.$client.exec(`create index ${name} on applications (${columns})`);
      if (ANALYZE) db.$client.exec(`analyze ${name}`);
      log(`added index ${name} on applications (${columns})`);
    }
    const now = new Date(nowMs);
    if (EXPLAIN) await explain(db, world, now);
    const all = queries(db, world, now);

    const results: { name: string; p50: number; p99: number; max: number }[] = [];
    for (const q of all) {
      for (let i = 0; i < WARMUP; i += 1) await q.run(i);
      const times: number[] = [];
      for (let i = 0; i < ITERATIONS; i += 1) {
        const start = process.hrtime.bigint();
        await q.run(WARMUP + i);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.sort((a, b) => a - b);
      results.push({ name: q.name, p50: round2(percentile(times, 0.5)), p99: round2(percentile(times, 0.99)), max: round2(times[times.length - 1] ?? 0) });
    }

    const width = Math.max(...results.map((r) => r.name.length));
    console.log(`\n${'query'.padEnd(width)}  ${'p50 ms'.padStart(8)}  ${'p99 ms'.padStart(8)}  ${'max ms'.padStart(8)}`);
    for (const r of results) {
      const flag = r.p99 >= TARGET_P99_MS ? '  ← misses the target' : '';
      console.log(`${r.name.padEnd(width)}  ${r.p50.toFixed(2).padStart(8)}  ${r.p99.toFixed(2).padStart(8)}  ${r.max.toFixed(2).padStart(8)}${flag}`);
    }
    console.log(`(${ITERATIONS} runs each after ${WARMUP} warm-up; target p99 < ${TARGET_P99_MS} ms${TRY_INDEXES.length ? `; extra indexes: ${TRY_INDEXES.join(' | ')}` : ''})\n`);
    await closeDb(db);
    console.log(
      JSON.stringify({
        applications: APPLICATIONS,
        queries: Object.fromEntries(results.map((r) => [r.name, { p50_ms: r.p50, p99_ms: r.p99 }])),
        max_p99_ms: Math.max(...results.map((r) => r.p99)),
        target_p99_ms: TARGET_P99_MS,
        machine: { cpus: os.cpus().length, memory_gib: Math.round(os.totalmem() / 2 ** 30) },
      }),
    );
  } finally {
    if (KEEP) log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
