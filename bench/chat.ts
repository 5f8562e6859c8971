// npm run bench:chat — the same chat load against the built app (over its real HTTP and SSE
// protocol, from this separate process) and then against a bare floor server of our own
// (bench/lib/floor-server.mjs), one right after the other, so the result reads as a ratio on this
// machine. 200 chats (200 dealer and 50 operator connections, each operator with 4 chats), both
// sides sending a message every 1–2 s for 60 s, 5 % of the connections dropped once and resumed
// from their last event id. Options: --chats N (dealer chats; operators = all chats / 4), --seconds S,
// --subscribers N (N subscriber chats besides, each a widget visitor through the widget's real API:
// session.start as a guest, chat.start, chat.send, the feed; the operators serve both classes; with
// per-class latency, losses and service level: the share of chats accepted within --target-seconds,
// 20 by default, from the client's chat.start to its first 'chat.status active' event),
// --idle-widgets N (N widget sessions with their feed open and nothing else, held through the load;
// 1000 by default when --subscribers is given: the app's memory per connection is measured),
// --pdf-per-second R
// (the app runs twice, without and then with R documents a second signed through the real
// procedures, and the chat p99 of both and the server's event-loop delay are compared),
// --db sqlite|postgres (postgres: a throwaway PostgreSQL 15 cluster of the bench's own),
// --processes N (postgres only: N app processes on the one database; each chat's dealer talks to
// one process and its operator to the next, realtime feeds included).
// Last line: {"db","processes","chats","messages","p50_ms","p99_ms","floor_p50_ms","floor_p99_ms","ratio_p50","ratio_p99",
// "server_cpu_ms_per_msg","db_cpu_per_message_ms","floor_cpu_ms_per_msg","lost","duplicated","out_of_order",
// "subscribers","per_class":{"dealer":{…},"subscriber":{…}},"idle_widget_connections","idle_widget_rss_kb_per_connection",...}.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import { classOf, machine, perClassSummary, processCpuMs, processTreeCpuMs, runChatLoad, type ChatClass, type Delivered, type LoadTarget, type Pair, type Participant, type Side } from './lib/chat-load';
import { parseChatBenchArgs } from './lib/chat-options';
import { freePort, startServer } from './lib/server';

const ARGS = parseChatBenchArgs(process.argv.slice(2), process.env);
const { pdfPerSecond: PDF_PER_SECOND, chats: CHATS, subscribers: SUBSCRIBERS, idleWidgets: IDLE_WIDGETS, seconds: SECONDS, db: DB, processes: PROCESSES, targetSeconds: TARGET_SECONDS } = ARGS;
const CAPACITY = 4;
const DROP_SHARE = 0.05;
const PASSWORD = 'bench-password-1';
/** The widget's chat is open round the clock for the bench (server/time/business-hours.ts's format). */
const ALL_DAY = 'mon-sun 00:00-24:00';
/** The idle widget connections' CPU is measured over this window, with and without them (one session re-check period). */
const IDLE_CPU_WINDOW_MS = 3000;

// Client k (the dealers 0 … CHATS − 1, then the visitors) works through process k mod N; the
// operators who take its chat through the next process, (k + 1) mod N. Routing is the server's, so
// the chats are started process by process with only that process's operators available
// (operatorGroups: for each clients' process, its operators' process and how many of them).
const CLIENTS = CHATS + SUBSCRIBERS;
const clientHome = (k: number) => k % PROCESSES;
const clientsOn = (home: number) => Array.from({ length: CLIENTS }, (_, k) => k).filter((k) => clientHome(k) === home).length;
const operatorGroups = Array.from({ length: PROCESSES }, (_, group) => ({ group, home: (group + 1) % PROCESSES, count: Math.ceil(clientsOn(group) / CAPACITY) }));
const OPERATORS = operatorGroups.reduce((n, g) => n + g.count, 0);

const log = (...a: unknown[]) => console.error('[bench:chat]', ...a);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Person {
  /** A user's e-mail; a visitor's name in the bench (a guest of the widget has none). */
  email: string;
  side: Side;
  /** The app process this person's calls and feed go to. */
  home: number;
  /** The clients' process whose chats this person has (a dealer or visitor: its own). */
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
        await add(`bench-dealer-${i}@bench.local`, 'dealer', company?.id ?? null, point?.id ?? null, clientHome(i), clientHome(i));
      }
      // Visitors are not seeded: each starts its widget session over HTTP (appTarget).
      for (let j = 0; j < SUBSCRIBERS; j += 1) people.push({ email: `bench-visitor-${j}`, side: 'visitor', home: clientHome(CHATS + j), group: clientHome(CHATS + j) });
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
  log(`seeding ${CHATS} dealers and ${OPERATORS} operators (${SUBSCRIBERS} visitors to come through the widget) into ${DB === 'sqlite' ? dataDir : 'a PostgreSQL 15 cluster of its own'}`);
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

/** What the app process holds, as bench/lib/server-probe.mjs reports it on SIGWINCH (after a full GC). */
interface Memory {
  rss: number;
  heapUsed: number;
}

/** Each app process's memory after a full collection: its probe writes it on SIGWINCH. */
async function memoryOf(pids: number[], probeFiles: string[]): Promise<Memory> {
  const files = probeFiles.map((file) => `${file}.memory`);
  for (const file of files) fs.rmSync(file, { force: true });
  for (const pid of pids) process.kill(pid, 'SIGWINCH');
  for (let i = 0; i < 100 && !files.every((file) => fs.existsSync(file)); i += 1) await sleep(100);
  const read = files.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as Memory);
  return { rss: read.reduce((n, m) => n + m.rss, 0), heapUsed: read.reduce((n, m) => n + m.heapUsed, 0) };
}

type Event = { type: string; chatId: string | null; payload: Record<string, unknown> };
/** The author of a message as the load counts sides (the server's authorRole 'subscriber' is a visitor). */
const AUTHOR_SIDE: Record<string, Side> = { dealer: 'dealer', operator: 'operator', subscriber: 'visitor' };

/** The app through its real protocol: sign-in (or the widget's session), tRPC calls, the realtime feeds. */
async function appTarget(pdfPerSecond: number): Promise<
  LoadTarget & {
    sameProcess: number;
    started: Map<string, { class: ChatClass; startedAt: number; activeAt: number | null }>;
    idle: { connections: number; rss_kb_per_connection: number; heap_kb_per_connection: number; cpu_share_of_core: number } | null;
    stop: () => Promise<void>;
    probe: () => Probe & { loop_delay_p99_ms_per_process: number[] };
  }
> {
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
      const server = await startServer({
        port,
        dataDir: processDir,
        // --expose-gc: the probe collects before it reports memory (idle widget connections).
        nodeArgs: ['--expose-gc', '--import', path.join(import.meta.dirname, 'lib', 'server-probe.mjs')],
        env: { ...env, BENCH_PROBE_FILE: probeFile, BUSINESS_HOURS: ALL_DAY, HOLIDAYS: '' },
      });
      return { ...server, base: `http://127.0.0.1:${port}` };
    }),
  );
  const pids = servers.map((server) => server.pid);
  const postmaster = cluster?.serverPid();
  const homeOf = new Map<Participant, number>();
  const baseOf = (p: Participant) => servers[homeOf.get(p) ?? 0]?.base ?? '';
  /** A staff member's session cookie, or a visitor's bearer token. */
  const credentials = new Map<Participant, Record<string, string>>();
  const handlers = new Map<Participant, (m: Delivered) => void>();
  const sources = new Map<Participant, EventSource>();
  const chatsOf = new Map<string, { client?: Participant; operator?: Participant }>();
  /** Each client's chat: its class, when chat.start was called, and when the client heard it was accepted. */
  const started = new Map<string, { class: ChatClass; startedAt: number; activeAt: number | null }>();
  const activeSeen = new Map<string, number>();
  const idleSources: EventSource[] = [];
  const widget = (p: Participant) => p.side === 'visitor';
  const apiOf = (p: Participant) => `${baseOf(p)}${widget(p) ? '/api/widget/trpc' : '/api/trpc'}`;

  const call = async (p: Participant, procedure: string, input: unknown) => {
    const response = await fetch(`${apiOf(p)}/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...credentials.get(p) },
      body: JSON.stringify({ json: input }),
    });
    const body = (await response.json()) as { result?: { data?: { json?: unknown } }; error?: unknown };
    if (!response.ok) throw new Error(`${procedure} → ${response.status} ${JSON.stringify(body.error).slice(0, 200)}`);
    return body.result?.data?.json;
  };
  /** A guest of the widget: session.start, its bearer token. */
  const startWidgetSession = async (base: string) => {
    const response = await fetch(`${base}/api/widget/trpc/session.start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { locale: 'uk' } }) });
    if (!response.ok) throw new Error(`session.start: ${response.status} ${(await response.text()).slice(0, 200)}`);
    return ((await response.json()) as { result: { data: { json: { token: string } } } }).result.data.json.token;
  };

  const participants: Participant[] = [];
  const personOf = new Map<Participant, Person>();
  log(`signing in${SUBSCRIBERS > 0 ? '; visitors start widget sessions' : ''}`);
  for (let i = 0; i < people.length; i += 10) {
    await Promise.all(
      people.slice(i, i + 10).map(async (person) => {
        const base = servers[person.home]?.base ?? '';
        const p: Participant = { id: person.email, side: person.side, lastEventId: '0', close: null, outages: [] };
        if (person.side === 'visitor') {
          credentials.set(p, { authorization: `Bearer ${await startWidgetSession(base)}` });
        } else {
          const response = await fetch(`${base}/api/auth/sign-in/email`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: base },
            body: JSON.stringify({ email: person.email, password: PASSWORD }),
          });
          if (!response.ok) throw new Error(`sign-in ${person.email}: ${response.status}`);
          credentials.set(p, { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '' });
        }
        homeOf.set(p, person.home);
        personOf.set(p, person);
        participants.push(p);
      }),
    );
  }

  /** A feed: the staff's realtime.feed, or the widget's feed; resolves once it is live. */
  const openFeed = (p: Participant, lastEventId: string | null, onEvent: (event: Event) => void) => {
    const input = encodeURIComponent(JSON.stringify({ json: { lastEventId } }));
    const source = new EventSource(`${apiOf(p)}/${widget(p) ? 'feed' : 'realtime.feed'}?input=${input}`, {
      fetch: (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), ...credentials.get(p) } }),
    });
    source.onmessage = (raw) => {
      if (raw.lastEventId) p.lastEventId = raw.lastEventId;
      const event = (JSON.parse(raw.data as string) as { json?: Event }).json;
      if (event?.chatId) onEvent(event);
    };
    return { source, live: new Promise<void>((resolve) => source.addEventListener('connected', () => resolve(), { once: true })) };
  };

  const connect = (p: Participant, onMessage: (m: Delivered) => void) => {
    handlers.set(p, onMessage);
    if (sources.has(p)) return Promise.resolve();
    const { source, live } = openFeed(p, p.lastEventId, (event) => {
      const chatId = event.chatId ?? '';
      if (event.type === 'chat.offered' && p.side === 'operator') {
        call(p, 'operator.accept', { chatId })
          .then(() => {
            const chat = chatsOf.get(chatId) ?? {};
            chat.operator = p;
            chatsOf.set(chatId, chat);
          })
          .catch((e: Error) => log('accept failed', e.message));
        return;
      }
      // The client's view of the accept: the first 'chat.status active' of its chat.
      if (event.type === 'chat.status' && p.side !== 'operator' && event.payload.status === 'active' && !activeSeen.has(chatId)) {
        activeSeen.set(chatId, performance.now());
        return;
      }
      if (event.type !== 'chat.message') return;
      const message = event.payload.message as { seq: number; clientId: string | null; kind: string; authorRole: string | null };
      const author = AUTHOR_SIDE[message.authorRole ?? ''];
      if (message.kind !== 'text' || !author) return;
      handlers.get(p)?.({ chatId, seq: message.seq, clientId: message.clientId, author });
    });
    sources.set(p, source);
    p.close = () => {
      source.close();
      sources.delete(p);
      p.close = null;
    };
    return live;
  };

  const operators = participants.filter((p) => p.side === 'operator');
  const clients = participants.filter((p) => p.side !== 'operator');
  log('operators go available; dealers and visitors start chats');
  await Promise.all(operators.map((o) => connect(o, () => undefined)));
  const heartbeat = setInterval(() => operators.forEach((o) => void call(o, 'operator.heartbeat', undefined).catch(() => undefined)), 15_000);
  await Promise.all(clients.map((c) => connect(c, () => undefined)));
  // Process by process: the clients of process g start their chats (dealers and visitors mixed
  // evenly, one after the other) while only the operators of process g + 1 take chats; those then
  // finish (wrap-up) until every process's chats are taken.
  const groupOf = (p: Participant) => personOf.get(p)?.group ?? 0;
  const waitMs = Math.max(10_000, TARGET_SECONDS * 1000 + 2000);
  for (let group = 0; group < PROCESSES; group += 1) {
    const groupOperators = operators.filter((o) => groupOf(o) === group);
    for (const o of groupOperators) await call(o, 'operator.setStatus', { status: 'available' });
    const ids: string[] = [];
    for (const c of interleaved(clients.filter((p) => groupOf(p) === group))) {
      const startedAt = performance.now();
      const { chatId } = (await call(c, 'chat.start', { topic: 'bench' })) as { chatId: string };
      started.set(chatId, { class: classOf(c), startedAt, activeAt: null });
      const chat = chatsOf.get(chatId) ?? {};
      chat.client = c;
      chatsOf.set(chatId, chat);
      ids.push(chatId);
    }
    const until = performance.now() + waitMs;
    while (performance.now() < until && ids.some((id) => !chatsOf.get(id)?.operator || !activeSeen.has(id))) await sleep(100);
    if (PROCESSES > 1) for (const o of groupOperators) await call(o, 'operator.setStatus', { status: 'wrap_up' });
  }
  for (const [chatId, chat] of started) chat.activeAt = activeSeen.get(chatId) ?? null;
  // Every chat is taken: the operators are available again, as with one process.
  if (PROCESSES > 1) for (const o of operators) await call(o, 'operator.setStatus', { status: 'available' });
  const pairs: Pair[] = [...chatsOf].flatMap(([chatId, c]) => (c.client && c.operator ? [{ chatId, client: c.client, operator: c.operator }] : []));
  const sameProcess = pairs.filter((pair) => PROCESSES > 1 && homeOf.get(pair.client) === homeOf.get(pair.operator)).length;
  log(`${pairs.length} of ${chatsOf.size} chats accepted${PROCESSES > 1 ? `; ${sameProcess} with both sides on one process` : ''}`);

  const idle = IDLE_WIDGETS > 0 ? await openIdleWidgets() : null;

  /**
   * IDLE_WIDGETS widget sessions, each with its feed open and nothing else (a page with the widget
   * closed but connected), spread over the processes and held until stop; the app's memory (RSS,
   * and the V8 heap, after a full GC) before and after opening them, per connection.
   */
  async function openIdleWidgets() {
    // Twice: the first full collection after the chats' set-up frees much, and the RSS follows a moment later.
    await memoryOf(pids, probeFiles);
    // The app's CPU with nothing happening, over one re-check period of a widget feed's session
    // (server/widget/watch-widget-session.ts), before and after: what the idle connections cost.
    const idleCpuShare = async () => {
      const from = pids.reduce((n, pid) => n + processCpuMs(pid), 0);
      await sleep(IDLE_CPU_WINDOW_MS);
      return (pids.reduce((n, pid) => n + processCpuMs(pid), 0) - from) / IDLE_CPU_WINDOW_MS;
    };
    const cpuBefore = await idleCpuShare();
    const before = await memoryOf(pids, probeFiles);
    log(`opening ${IDLE_WIDGETS} idle widget connections (app RSS before: ${Math.round(before.rss / 2 ** 20)} MiB)`);
    const idlers: Participant[] = [];
    for (let i = 0; i < IDLE_WIDGETS; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, IDLE_WIDGETS - i) }, async (_, j) => {
          const p: Participant = { id: `bench-idle-${i + j}`, side: 'visitor', lastEventId: '0', close: null, outages: [] };
          homeOf.set(p, (i + j) % PROCESSES);
          credentials.set(p, { authorization: `Bearer ${await startWidgetSession(baseOf(p))}` });
          idlers.push(p);
        }),
      );
    }
    let opened = 0;
    for (let i = 0; i < idlers.length; i += 50) {
      await Promise.all(
        idlers.slice(i, i + 50).map(async (p) => {
          const { source, live } = openFeed(p, null, () => undefined);
          idleSources.push(source);
          await live;
          opened += 1;
        }),
      );
    }
    await sleep(2000);
    const cpuAfter = await idleCpuShare();
    const after = await memoryOf(pids, probeFiles);
    log(`${opened} idle widget connections open (app RSS after: ${Math.round(after.rss / 2 ** 20)} MiB)`);
    const perConnection = (bytes: number) => Math.round(bytes / 1024 / Math.max(1, opened));
    return {
      connections: opened,
      rss_kb_per_connection: perConnection(after.rss - before.rss),
      heap_kb_per_connection: perConnection(after.heapUsed - before.heapUsed),
      cpu_share_of_core: Math.round((cpuAfter - cpuBefore) * 1000) / 1000,
    };
  }

  const documents = pdfPerSecond > 0 ? await prepareDocuments(call, pairs.find((pair) => pair.client.side === 'dealer'), Math.ceil(pdfPerSecond * SECONDS * 1.2)) : [];
  return {
    pids,
    probed: true,
    dbCpuMs: postmaster ? () => processTreeCpuMs(postmaster) : undefined,
    participants,
    pairs,
    sameProcess,
    started,
    idle,
    connect,
    during: pdfPerSecond > 0 ? (signal) => signDocuments(call, documents, pdfPerSecond, signal) : undefined,
    // The worst process's event-loop delay, and each one's p99.
    probe: () => {
      const probes = probeFiles.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as Probe);
      const worst = probes.reduce((a, b) => (b.loop_delay_p99_ms > a.loop_delay_p99_ms ? b : a));
      return { ...worst, loop_delay_max_ms: Math.max(...probes.map((p) => p.loop_delay_max_ms)), loop_delay_p99_ms_per_process: probes.map((p) => p.loop_delay_p99_ms) };
    },
    // The widget's chat.send takes `body`, the staff's `text`.
    send: async (p, chatId, clientId, text) => (await call(p, 'chat.send', widget(p) ? { chatId, clientId, body: text } : { chatId, clientId, text })) as { seq: number },
    stop: async () => {
      clearInterval(heartbeat);
      for (const source of idleSources) source.close();
      await Promise.all(servers.map((server) => server.stop()));
      await cluster?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Dealers and visitors mixed evenly: each at its share of the way through its own kind. */
function interleaved(clients: Participant[]): Participant[] {
  const place = new Map<Participant, number>();
  for (const side of ['dealer', 'visitor'] as const) {
    const ofSide = clients.filter((c) => c.side === side);
    ofSide.forEach((c, i) => place.set(c, (i + 0.5) / ofSide.length));
  }
  return [...clients].sort((a, b) => (place.get(a) ?? 0) - (place.get(b) ?? 0));
}

type Call = (p: Participant, procedure: string, input: unknown) => Promise<unknown>;
interface ReadyDocument {
  applicationId: string;
  version: number;
  dealer: Participant;
}

/** Applications of one chat taken through identification, filling and the operator's check, ready to sign. */
async function prepareDocuments(call: Call, pair: Pair | undefined, count: number): Promise<ReadyDocument[]> {
  if (!pair) throw new Error('no dealer chat to sign documents in');
  log(`preparing ${count} applications to sign`);
  const ready: ReadyDocument[] = [];
  for (let i = 0; i < count; i += 1) {
    const { applicationId } = (await call(pair.client, 'application.create', { chatId: pair.chatId, templateId: 'tariff-change' })) as { applicationId: string };
    await call(pair.client, 'application.saveIdentification', { applicationId, party: 'subscriber', values: bookletIdentification() });
    await call(pair.client, 'application.complete', { applicationId, formData: TARIFF_FORM });
    const { version } = (await call(pair.operator, 'application.verify', { applicationId })) as { version: number };
    ready.push({ applicationId, version, dealer: pair.client });
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
  // As many chats of each class as the app had (the floor knows no classes: a visitor is one more client).
  const clients: Participant[] = Array.from({ length: CLIENTS }, (_, k) => ({ id: `c${k}`, side: k < CHATS ? 'dealer' : 'visitor', lastEventId: '0', close: null, outages: [] }));
  const operators: Participant[] = Array.from({ length: OPERATORS }, (_, i) => ({ id: `o${i}`, side: 'operator', lastEventId: '0', close: null, outages: [] }));
  const pairs: Pair[] = clients.map((client, k) => ({ chatId: `chat-${k}`, client, operator: operators[k % OPERATORS] as Participant }));
  const chatsOf = (p: Participant) => pairs.filter((pair) => pair.client === p || pair.operator === p).map((pair) => pair.chatId);
  return {
    pids: [child.pid ?? 0],
    participants: [...operators, ...clients],
    pairs,
    connect: (p, onMessage) => {
      const source = new EventSource(`${base}/events?chats=${chatsOf(p).join(',')}&lastEventId=${p.lastEventId}`);
      p.close = () => {
        source.close();
        p.close = null;
      };
      source.onmessage = (raw) => {
        if (raw.lastEventId) p.lastEventId = raw.lastEventId;
        const m = JSON.parse(raw.data as string) as { chatId: string; seq: number; clientId: string; author: Side };
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
    const started = [...app.started.values()].map((chat) => ({ class: chat.class, acceptMs: chat.activeAt === null ? null : chat.activeAt - chat.startedAt }));
    return {
      ...result,
      ...app.probe(),
      per_class: perClassSummary(result.per_class, started, TARGET_SECONDS * 1000),
      idle: app.idle,
      accepted: app.pairs.length,
      same_process_chats: app.sameProcess,
    };
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
    subscribers: SUBSCRIBERS,
    operators: OPERATORS,
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
    // Per class: message latency (p50/p99), start → accept (accept_p50/p99) and the service level
    // (the share of the class's chats accepted within target_seconds), losses.
    per_class: appResult.per_class,
    target_seconds: TARGET_SECONDS,
    idle_widget_connections: appResult.idle?.connections ?? 0,
    idle_widget_rss_kb_per_connection: appResult.idle?.rss_kb_per_connection ?? null,
    idle_widget_heap_kb_per_connection: appResult.idle?.heap_kb_per_connection ?? null,
    // The app's CPU (share of one core) the idle connections take with no chat traffic.
    idle_widget_cpu_share_of_core: appResult.idle?.cpu_share_of_core ?? null,
    failed_sends: appResult.failed_sends,
    loop_delay_p99_ms: appResult.loop_delay_p99_ms,
    // The load generator (this process) on the same cores: its CPU and its own event-loop delay.
    generator_cpu_share_of_core: appResult.generator_cpu_share_of_core,
    generator_loop_delay_p99_ms: appResult.generator_loop_delay_p99_ms,
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
