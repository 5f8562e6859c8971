// npm run bench:chat — the same chat load against the built app (over its real HTTP and SSE
// protocol, from this separate process) and then against a bare floor server of our own
// (bench/lib/floor-server.mjs), one right after the other, so the result reads as a ratio on this
// machine. 200 chats (200 dealer and 50 operator connections, each operator with 4 chats), both
// sides sending a message every 1–2 s for 60 s, 5 % of the connections dropped once and resumed
// from their last event id. Options: --chats N (operators = N / 4), --seconds S, --pdf-per-second R
// (the app runs twice, without and then with R documents a second signed through the real
// procedures, and the chat p99 of both and the server's event-loop delay are compared),
// --db sqlite|postgres (postgres: a throwaway PostgreSQL 15 cluster of the bench's own),
// --processes N (postgres only: N app processes on the one database; each chat's dealer talks to
// one process and its operator to the next, realtime feeds included).
// Last line: {"db","processes","chats","messages","p50_ms","p99_ms","floor_p50_ms","floor_p99_ms","ratio_p50","ratio_p99",
// "server_cpu_ms_per_msg","db_cpu_per_message_ms","floor_cpu_ms_per_msg","lost","duplicated","out_of_order",...}.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from 'better-auth/crypto';
import { EventSource } from 'eventsource';
import { closeDb, inTransaction, openDb, type Db } from '../db/client';
import { openPostgres } from '../db/postgres';
import { accounts, chooseDialect, dealers, operatorPresence, pointsOfSale, users } from '../db/schema';
import { seedDemoData } from '../server/seed/demo-data';
import { seedDemoHistory } from '../simulation/demo-history';
import { createDevelopmentP12 } from '../server/signing/seal-certificate';
import { scribblePng } from '../server/signing/sample-document';
import { bookletIdentification, TARIFF_FORM } from '../tests/helpers/application-world';
import { startPostgres, type PostgresCluster } from '../tests/helpers/postgres';
import { machine, processTreeCpuMs, runChatLoad, type Delivered, type LoadTarget, type Pair, type Participant } from './lib/chat-load';
import { freePort, startServer } from './lib/server';

const { values: args } = parseArgs({
  options: { chats: { type: 'string' }, seconds: { type: 'string' }, 'pdf-per-second': { type: 'string' }, db: { type: 'string' }, processes: { type: 'string' } },
});
const PDF_PER_SECOND = Number(args['pdf-per-second'] ?? 0);
const CHATS = Number(args.chats ?? process.env.BENCH_DEALERS ?? 200);
const CAPACITY = 4;
const SECONDS = Number(args.seconds ?? process.env.BENCH_SECONDS ?? 60);
const DROP_SHARE = 0.05;
const PASSWORD = 'bench-password-1';
const DB = args.db ?? 'sqlite';
const PROCESSES = Number(args.processes ?? 1);
if (DB !== 'sqlite' && DB !== 'postgres') throw new Error(`--db ${DB}: sqlite or postgres`);
if (!Number.isInteger(PROCESSES) || PROCESSES < 1) throw new Error(`--processes ${args.processes}: a whole number, 1 or more`);
// On SQLite the realtime bus is the process's own: a second process would not hear the first.
if (DB === 'sqlite' && PROCESSES > 1) throw new Error('--processes above 1 needs --db postgres (on SQLite the realtime bus is in-process)');

// Dealer i works through process i mod N; the operators who take its chat through the next
// process, (i + 1) mod N. Routing is the server's, so the chats are started process by process
// with only that process's operators available (operatorGroups: for each dealers' process, its
// operators' process and how many of them).
const dealerHome = (i: number) => i % PROCESSES;
const dealersOn = (home: number) => Array.from({ length: CHATS }, (_, i) => i).filter((i) => dealerHome(i) === home).length;
const operatorGroups = Array.from({ length: PROCESSES }, (_, group) => ({ group, home: (group + 1) % PROCESSES, count: Math.ceil(dealersOn(group) / CAPACITY) }));
const OPERATORS = operatorGroups.reduce((n, g) => n + g.count, 0);

const log = (...a: unknown[]) => console.error('[bench:chat]', ...a);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Person {
  email: string;
  side: 'dealer' | 'operator';
  /** The app process this person's calls and feed go to. */
  home: number;
  /** The dealers' process whose chats this person has (a dealer: its own). */
  group: number;
}

function seed(db: Db) {
  return (async () => {
    await seedDemoData({ db, clock: { now: () => new Date() }, history: seedDemoHistory });
    const hash = await hashPassword(PASSWORD);
    const companies = await db.select({ id: dealers.id }).from(dealers);
    const points = await db.select({ id: pointsOfSale.id, dealerId: pointsOfSale.dealerId }).from(pointsOfSale);
    const now = new Date();
    const people: Person[] = [];
    await inTransaction(db, async (tx) => {
      const add = async (email: string, side: 'dealer' | 'operator', dealerId: string | null, pointOfSaleId: string | null, home: number, group: number) => {
        const id = crypto.randomUUID();
        await tx.insert(users).values({ id, name: email, email, role: side, dealerId, pointOfSaleId, emailVerified: true, createdAt: now, updatedAt: now });
        await tx.insert(accounts).values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: hash, createdAt: now, updatedAt: now });
        if (side === 'operator') await tx.insert(operatorPresence).values({ userId: id, status: 'offline', capacity: CAPACITY, updatedAt: now });
        people.push({ email, side, home, group });
      };
      for (let i = 0; i < CHATS; i += 1) {
        const company = companies[i % companies.length];
        const point = points.find((p) => p.dealerId === company?.id);
        await add(`bench-dealer-${i}@bench.local`, 'dealer', company?.id ?? null, point?.id ?? null, dealerHome(i), dealerHome(i));
      }
      let j = 0;
      for (const { group, home, count } of operatorGroups) for (let k = 0; k < count; k += 1, j += 1) await add(`bench-operator-${j}@bench.local`, 'operator', null, null, home, group);
    });
    // The demo operators stay offline, so routing only sees the bench's operators.
    await closeDb(db);
    return people;
  })();
}

/** Where the app's data is: a SQLite file under the data folder, or a database on a cluster of the bench's own. */
async function prepareDatabase(dataDir: string): Promise<{ people: Person[]; env: Record<string, string>; cluster: PostgresCluster | null }> {
  log(`seeding ${CHATS} dealers and ${OPERATORS} operators into ${DB === 'sqlite' ? dataDir : 'a PostgreSQL 15 cluster of its own'}`);
  if (DB === 'sqlite') return { people: await seed(openDb(path.join(dataDir, 'dealer-desk.sqlite'))), env: {}, cluster: null };
  const cluster = await startPostgres();
  try {
    const url = await cluster.createDatabase('bench_chat');
    // The tables of PostgreSQL's dialect before the first query (the app's processes take it from DATABASE_URL).
    chooseDialect('postgres');
    const people = await seed(await openPostgres(url));
    // What every process on one PostgreSQL must share in production (server/config/env.ts).
    const seal = createDevelopmentP12();
    const sealFile = path.join(dataDir, 'seal.p12');
    fs.writeFileSync(sealFile, seal.p12);
    const env = { DATABASE_URL: url, BETTER_AUTH_SECRET: 'bench-chat-processes-share-this-secret-0123456789', SEAL_P12_PATH: sealFile, SEAL_P12_PASSWORD: seal.password };
    return { people, env, cluster };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

interface Probe {
  loop_delay_p50_ms: number;
  loop_delay_p99_ms: number;
  loop_delay_max_ms: number;
}

/** The app through its real protocol: sign-in, tRPC calls, the realtime feed. */
async function appTarget(pdfPerSecond: number): Promise<LoadTarget & { sameProcess: number; stop: () => Promise<void>; probe: () => Probe & { loop_delay_p99_ms_per_process: number[] } }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-bench-chat-'));
  const { people, env, cluster } = await prepareDatabase(dataDir);
  const probeFiles = Array.from({ length: PROCESSES }, (_, i) => path.join(dataDir, `probe-${i}.json`));
  log(`starting ${PROCESSES} app process${PROCESSES > 1 ? 'es' : ''}`);
  // Each process its own port and DATA_DIR (SQLite's one process: the folder of its file); all at
  // once — the database is migrated and filled already.
  const servers = await Promise.all(
    probeFiles.map(async (probeFile, i) => {
      const port = await freePort();
      const processDir = DB === 'sqlite' ? dataDir : path.join(dataDir, `process-${i}`);
      fs.mkdirSync(processDir, { recursive: true });
      const server = await startServer({ port, dataDir: processDir, nodeArgs: ['--import', path.join(import.meta.dirname, 'lib', 'server-probe.mjs')], env: { ...env, BENCH_PROBE_FILE: probeFile } });
      return { ...server, base: `http://127.0.0.1:${port}` };
    }),
  );
  const postmaster = cluster?.serverPid();
  const homeOf = new Map<Participant, number>();
  const baseOf = (p: Participant) => servers[homeOf.get(p) ?? 0]?.base ?? '';
  const cookies = new Map<Participant, string>();
  const handlers = new Map<Participant, (m: Delivered) => void>();
  const sources = new Map<Participant, EventSource>();
  const chatsOf = new Map<string, { dealer?: Participant; operator?: Participant }>();

  const call = async (p: Participant, procedure: string, input: unknown) => {
    const response = await fetch(`${baseOf(p)}/api/trpc/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies.get(p) ?? '' },
      body: JSON.stringify({ json: input }),
    });
    const body = (await response.json()) as { result?: { data?: { json?: unknown } }; error?: unknown };
    if (!response.ok) throw new Error(`${procedure} → ${response.status} ${JSON.stringify(body.error).slice(0, 200)}`);
    return body.result?.data?.json;
  };

  const participants: Participant[] = [];
  const personOf = new Map<Participant, Person>();
  log('signing in');
  for (let i = 0; i < people.length; i += 10) {
    await Promise.all(
      people.slice(i, i + 10).map(async (person) => {
        const base = servers[person.home]?.base ?? '';
        const response = await fetch(`${base}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base },
          body: JSON.stringify({ email: person.email, password: PASSWORD }),
        });
        if (!response.ok) throw new Error(`sign-in ${person.email}: ${response.status}`);
        const p: Participant = { id: person.email, side: person.side, lastEventId: '0', close: null, outages: [] };
        homeOf.set(p, person.home);
        personOf.set(p, person);
        cookies.set(p, (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
        participants.push(p);
      }),
    );
  }

  const connect = (p: Participant, onMessage: (m: Delivered) => void) => {
    handlers.set(p, onMessage);
    if (sources.has(p)) return Promise.resolve();
    const input = encodeURIComponent(JSON.stringify({ json: { lastEventId: p.lastEventId } }));
    const source = new EventSource(`${baseOf(p)}/api/trpc/realtime.feed?input=${input}`, {
      fetch: (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: cookies.get(p) ?? '' } }),
    });
    sources.set(p, source);
    p.close = () => {
      source.close();
      sources.delete(p);
      p.close = null;
    };
    source.onmessage = (raw) => {
      if (raw.lastEventId) p.lastEventId = raw.lastEventId;
      const event = (JSON.parse(raw.data as string) as { json?: { type: string; chatId: string | null; payload: Record<string, unknown> } }).json;
      if (!event?.chatId) return;
      if (event.type === 'chat.offered' && p.side === 'operator') {
        const chatId = event.chatId;
        call(p, 'operator.accept', { chatId })
          .then(() => {
            const chat = chatsOf.get(chatId) ?? {};
            chat.operator = p;
            chatsOf.set(chatId, chat);
          })
          .catch((e: Error) => log('accept failed', e.message));
        return;
      }
      if (event.type !== 'chat.message') return;
      const message = event.payload.message as { seq: number; clientId: string | null; kind: string; authorRole: string | null };
      if (message.kind !== 'text' || (message.authorRole !== 'dealer' && message.authorRole !== 'operator')) return;
      handlers.get(p)?.({ chatId: event.chatId, seq: message.seq, clientId: message.clientId, author: message.authorRole });
    };
    return new Promise<void>((resolve) => source.addEventListener('connected', () => resolve(), { once: true }));
  };

  const operators = participants.filter((p) => p.side === 'operator');
  const dealersList = participants.filter((p) => p.side === 'dealer');
  log('operators go available; dealers start chats');
  await Promise.all(operators.map((o) => connect(o, () => undefined)));
  const heartbeat = setInterval(() => operators.forEach((o) => void call(o, 'operator.heartbeat', undefined).catch(() => undefined)), 15_000);
  await Promise.all(dealersList.map((d) => connect(d, () => undefined)));
  // Process by process: the dealers of process g start their chats while only the operators of
  // process g + 1 take chats; those then finish (wrap-up) until every process's chats are taken.
  const groupOf = (p: Participant) => personOf.get(p)?.group ?? 0;
  for (let group = 0; group < PROCESSES; group += 1) {
    const groupOperators = operators.filter((o) => groupOf(o) === group);
    for (const o of groupOperators) await call(o, 'operator.setStatus', { status: 'available' });
    const started: string[] = [];
    for (const d of dealersList.filter((p) => groupOf(p) === group)) {
      const { chatId } = (await call(d, 'chat.start', { topic: 'bench' })) as { chatId: string };
      const chat = chatsOf.get(chatId) ?? {};
      chat.dealer = d;
      chatsOf.set(chatId, chat);
      started.push(chatId);
    }
    for (let i = 0; i < 100 && started.some((id) => !chatsOf.get(id)?.operator); i += 1) await sleep(100);
    if (PROCESSES > 1) for (const o of groupOperators) await call(o, 'operator.setStatus', { status: 'wrap_up' });
  }
  // Every chat is taken: the operators are available again, as with one process.
  if (PROCESSES > 1) for (const o of operators) await call(o, 'operator.setStatus', { status: 'available' });
  const pairs: Pair[] = [...chatsOf].flatMap(([chatId, c]) => (c.dealer && c.operator ? [{ chatId, dealer: c.dealer, operator: c.operator }] : []));
  const sameProcess = pairs.filter((pair) => PROCESSES > 1 && homeOf.get(pair.dealer) === homeOf.get(pair.operator)).length;
  log(`${pairs.length} of ${chatsOf.size} chats accepted${PROCESSES > 1 ? `; ${sameProcess} with both sides on one process` : ''}`);

  const documents = pdfPerSecond > 0 ? await prepareDocuments(call, pairs[0], Math.ceil(pdfPerSecond * SECONDS * 1.2)) : [];
  return {
    pids: servers.map((server) => server.pid),
    probed: true,
    dbCpuMs: postmaster ? () => processTreeCpuMs(postmaster) : undefined,
    participants,
    pairs,
    sameProcess,
    connect,
    during: pdfPerSecond > 0 ? (signal) => signDocuments(call, documents, pdfPerSecond, signal) : undefined,
    // The worst process's event-loop delay, and each one's p99.
    probe: () => {
      const probes = probeFiles.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as Probe);
      const worst = probes.reduce((a, b) => (b.loop_delay_p99_ms > a.loop_delay_p99_ms ? b : a));
      return { ...worst, loop_delay_max_ms: Math.max(...probes.map((p) => p.loop_delay_max_ms)), loop_delay_p99_ms_per_process: probes.map((p) => p.loop_delay_p99_ms) };
    },
    send: async (p, chatId, clientId, text) => (await call(p, 'chat.send', { chatId, clientId, text })) as { seq: number },
    stop: async () => {
      clearInterval(heartbeat);
      await Promise.all(servers.map((server) => server.stop()));
      await cluster?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Call = (p: Participant, procedure: string, input: unknown) => Promise<unknown>;
interface ReadyDocument {
  applicationId: string;
  version: number;
  dealer: Participant;
}

/** Applications of one chat taken through identification, filling and the operator's check, ready to sign. */
async function prepareDocuments(call: Call, pair: Pair | undefined, count: number): Promise<ReadyDocument[]> {
  if (!pair) throw new Error('no chat to sign documents in');
  log(`preparing ${count} applications to sign`);
  const ready: ReadyDocument[] = [];
  for (let i = 0; i < count; i += 1) {
    const { applicationId } = (await call(pair.dealer, 'application.create', { chatId: pair.chatId, templateId: 'tariff-change' })) as { applicationId: string };
    await call(pair.dealer, 'application.saveIdentification', { applicationId, party: 'subscriber', values: bookletIdentification() });
    await call(pair.dealer, 'application.complete', { applicationId, formData: TARIFF_FORM });
    const { version } = (await call(pair.operator, 'application.verify', { applicationId })) as { version: number };
    ready.push({ applicationId, version, dealer: pair.dealer });
  }
  return ready;
}

/** Signs one prepared application every 1/rate s through application.sign until the window ends. */
async function signDocuments(call: Call, documents: ReadyDocument[], rate: number, signal: AbortSignal) {
  const image = (seed: number) => Buffer.from(scribblePng(360, 120, seed)).toString('base64');
  const took: number[] = [];
  let busy = 0;
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  for (const document of documents) {
    if (signal.aborted) break;
    const started = performance.now();
    inFlight.push(
      call(document.dealer, 'application.sign', {
        applicationId: document.applicationId,
        version: document.version,
        signatures: [
          { party: 'subscriber', name: 'Коваленко Марія Іванівна', image: image(1) },
          { party: 'dealer', name: 'Bench Dealer', image: image(2) },
        ],
      })
        .then(() => {
          took.push(performance.now() - started);
        })
        .catch((error: Error) => {
          if (/429|TOO_MANY/.test(error.message)) busy += 1;
          else {
            failed += 1;
            log('sign failed', error.message.slice(0, 200));
          }
        }),
    );
    await sleep(1000 / rate);
  }
  await Promise.all(inFlight);
  took.sort((a, b) => a - b);
  return { signed: took.length, busy, failed, sign_p50_ms: Math.round(took[Math.floor(took.length / 2)] ?? 0) };
}

/** The bare floor: the same protocol shape (POST to send, SSE to receive, resume by id), nothing else. */
async function floorTarget(): Promise<LoadTarget & { stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-bench-floor-'));
  const port = await freePort();
  const child = fork(path.join(import.meta.dirname, 'lib', 'floor-server.mjs'), [String(port), path.join(dir, 'floor.sqlite')], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the floor server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const dealersList: Participant[] = Array.from({ length: CHATS }, (_, i) => ({ id: `d${i}`, side: 'dealer', lastEventId: '0', close: null, outages: [] }));
  const operators: Participant[] = Array.from({ length: OPERATORS }, (_, i) => ({ id: `o${i}`, side: 'operator', lastEventId: '0', close: null, outages: [] }));
  const pairs: Pair[] = dealersList.map((dealer, i) => ({ chatId: `chat-${i}`, dealer, operator: operators[i % OPERATORS] as Participant }));
  const chatsOf = (p: Participant) => pairs.filter((pair) => pair[p.side] === p).map((pair) => pair.chatId);
  return {
    pids: [child.pid ?? 0],
    participants: [...operators, ...dealersList],
    pairs,
    connect: (p, onMessage) => {
      const source = new EventSource(`${base}/events?chats=${chatsOf(p).join(',')}&lastEventId=${p.lastEventId}`);
      p.close = () => {
        source.close();
        p.close = null;
      };
      source.onmessage = (raw) => {
        if (raw.lastEventId) p.lastEventId = raw.lastEventId;
        const m = JSON.parse(raw.data as string) as { chatId: string; seq: number; clientId: string; author: 'dealer' | 'operator' };
        onMessage({ chatId: m.chatId, seq: m.seq, clientId: m.clientId, author: m.author });
      };
      return new Promise<void>((resolve) => source.addEventListener('ready', () => resolve(), { once: true }));
    },
    send: async (p, chatId, clientId, text) => {
      const response = await fetch(`${base}/send`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ chatId, clientId, text, author: p.side }) });
      if (!response.ok) throw new Error(`floor send → ${response.status}`);
      return (await response.json()) as { seq: number };
    },
    stop: async () => {
      child.kill('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const options = { seconds: SECONDS, dropShare: DROP_SHARE, log };

async function measureApp(pdfPerSecond: number) {
  const app = await appTarget(pdfPerSecond);
  try {
    const result = await runChatLoad(app, options);
    return { ...result, ...app.probe(), accepted: app.pairs.length, same_process_chats: app.sameProcess };
  } finally {
    await app.stop();
  }
}

const appResult = await measureApp(0);
log('app', JSON.stringify(appResult));
const withPdf = PDF_PER_SECOND > 0 ? await measureApp(PDF_PER_SECOND) : null;
if (withPdf) log('app with documents', JSON.stringify(withPdf));
const floor = await floorTarget();
let floorResult;
try {
  floorResult = await runChatLoad(floor, options);
} finally {
  await floor.stop();
}
log('floor', JSON.stringify(floorResult));

const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.01)) * 100) / 100;
console.log(
  JSON.stringify({
    db: DB,
    processes: PROCESSES,
    chats: CHATS,
    accepted_chats: appResult.accepted,
    ...(PROCESSES > 1 ? { same_process_chats: appResult.same_process_chats } : {}),
    messages: appResult.messages,
    p50_ms: appResult.p50_ms,
    p99_ms: appResult.p99_ms,
    floor_p50_ms: floorResult.p50_ms,
    floor_p99_ms: floorResult.p99_ms,
    ratio_p50: ratio(appResult.p50_ms, floorResult.p50_ms),
    ratio_p99: ratio(appResult.p99_ms, floorResult.p99_ms),
    // Summed over the app's processes; SQLite works inside them, PostgreSQL's own CPU is db_cpu_per_message_ms.
    server_cpu_ms_per_msg: appResult.cpu_ms_per_msg,
    db_cpu_per_message_ms: appResult.db_cpu_ms_per_msg,
    floor_cpu_ms_per_msg: floorResult.cpu_ms_per_msg,
    ratio_cpu: ratio(appResult.cpu_ms_per_msg, floorResult.cpu_ms_per_msg),
    ...(appResult.db_cpu_ms_per_msg !== null ? { ratio_cpu_with_db: ratio(appResult.cpu_ms_per_msg + appResult.db_cpu_ms_per_msg, floorResult.cpu_ms_per_msg) } : {}),
    lost: appResult.lost,
    duplicated: appResult.duplicated,
    out_of_order: appResult.out_of_order,
    failed_sends: appResult.failed_sends,
    loop_delay_p99_ms: appResult.loop_delay_p99_ms,
    ...(PROCESSES > 1 ? { loop_delay_p99_ms_per_process: appResult.loop_delay_p99_ms_per_process } : {}),
    ...(withPdf
      ? {
          pdf_per_second: PDF_PER_SECOND,
          documents: withPdf.extra,
          p99_with_pdf_ms: withPdf.p99_ms,
          ratio_p99_with_pdf: ratio(withPdf.p99_ms, appResult.p99_ms),
          loop_delay_p99_with_pdf_ms: withPdf.loop_delay_p99_ms,
          lost_with_pdf: withPdf.lost,
        }
      : {}),
    floor_messages: floorResult.messages,
    floor_lost: floorResult.lost,
    seconds: SECONDS,
    machine: machine(),
  }),
);
process.exit(0);
