// npm run bench:chat — drives the built app over HTTP/SSE from this separate process:
// 200 chats (200 dealer and 50 operator connections, each operator at capacity 4), each side
// sending a message every 1–2 s for 60 s, with 5% of the connections dropped and resumed from
// their last event id. Last line: {"chats","messages","p50_ms","p99_ms","lost","duplicated","out_of_order"}.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from 'better-auth/crypto';
import { EventSource } from 'eventsource';

import { openDb } from '../db/client';
import { accounts, dealers, operatorPresence, pointsOfSale, users } from '../db/schema';
import { seedDemoData } from '../server/seed/demo-data';
import { freePort, percentile, startServer } from './lib/server';

const DEALERS = Number(process.env.BENCH_DEALERS ?? 200);
const OPERATORS = Number(process.env.BENCH_OPERATORS ?? 50);
const CAPACITY = 4;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const DROP_SHARE = 0.05;
const PASSWORD = 'bench-password-1';

const log = (...args: unknown[]) => console.error('[bench:chat]', ...args);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Participant {
  email: string;
  role: 'dealer' | 'operator';
  cookie: string;
  source: EventSource | null;
  lastEventId: string;
  drops: number;
  /** When the connection was down: [from, to] in performance.now() time. */
  outages: [number, number][];
}

interface ChatTrack {
  chatId: string;
  dealer: Participant;
  operator: Participant | null;
  /** Message ids sent by each side (confirmed by the server), and what the other side received in order. */
  sentBy: { dealer: Map<number, number>; operator: Map<number, number> };
  received: { dealer: number[]; operator: number[] };
}

async function seed(dataDir: string) {
  const db = openDb(path.join(dataDir, 'dealer-desk.sqlite'));
  await seedDemoData({ db, clock: { now: () => new Date() } });
  const hash = await hashPassword(PASSWORD);
  const companies = db.select({ id: dealers.id }).from(dealers).all();
  const points = db.select({ id: pointsOfSale.id, dealerId: pointsOfSale.dealerId }).from(pointsOfSale).all();
  const now = new Date();
  const people: { email: string; role: 'dealer' | 'operator' }[] = [];
  db.transaction((tx) => {
    const add = (email: string, role: 'dealer' | 'operator', dealerId: string | null, pointOfSaleId: string | null) => {
      const id = crypto.randomUUID();
      tx.insert(users).values({ id, name: email, email, role, dealerId, pointOfSaleId, emailVerified: true, createdAt: now, updatedAt: now }).run();
      tx.insert(accounts).values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: hash, createdAt: now, updatedAt: now }).run();
      if (role === 'operator') tx.insert(operatorPresence).values({ userId: id, status: 'offline', capacity: CAPACITY, updatedAt: now }).run();
      people.push({ email, role });
    };
    for (let i = 0; i < DEALERS; i += 1) {
      const company = companies[i % companies.length];
      const point = points.find((p) => p.dealerId === company?.id);
      add(`bench-dealer-${i}@bench.local`, 'dealer', company?.id ?? null, point?.id ?? null);
    }
    for (let i = 0; i < OPERATORS; i += 1) add(`bench-operator-${i}@bench.local`, 'operator', null, null);
  });
  // Demo operators stay offline so that routing only sees the bench's operators.
  db.$client.close();
  return people;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-bench-chat-'));
  log(`seeding ${DEALERS} dealers and ${OPERATORS} operators into ${dataDir}`);
  const people = await seed(dataDir);
  const port = await freePort();
  const server = await startServer({ port, dataDir });
  const base = `http://127.0.0.1:${port}`;
  try {
    const call = async (p: Participant, procedure: string, input: unknown) => {
      const response = await fetch(`${base}/api/trpc/${procedure}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: p.cookie },
        body: JSON.stringify({ json: input }),
      });
      const body = (await response.json()) as { result?: { data?: { json?: unknown } }; error?: unknown };
      if (!response.ok) throw new Error(`${procedure} → ${response.status} ${JSON.stringify(body.error).slice(0, 200)}`);
      return body.result?.data?.json;
    };

    log('signing in');
    const participants: Participant[] = [];
    for (let i = 0; i < people.length; i += 10) {
      const batch = people.slice(i, i + 10);
      const signed = await Promise.all(
        batch.map(async (person) => {
          const response = await fetch(`${base}/api/auth/sign-in/email`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: base, 'x-forwarded-for': `10.9.${Math.floor(i / 250)}.${i % 250}` },
            body: JSON.stringify({ email: person.email, password: PASSWORD }),
          });
          if (!response.ok) throw new Error(`sign-in ${person.email}: ${response.status}`);
          const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
          return { ...person, cookie, source: null, lastEventId: '0', drops: 0, outages: [] } satisfies Participant;
        }),
      );
      participants.push(...signed);
    }
    const operators = participants.filter((p) => p.role === 'operator');
    const dealersList = participants.filter((p) => p.role === 'dealer');
    const chats = new Map<string, ChatTrack>();
    const byDealer = new Map<Participant, ChatTrack>();
    const sendStarted = new Map<string, number>();
    const latencies: number[] = [];
    /** Latencies of messages that arrived live, i.e. not held back by a dropped connection. */
    const liveLatencies: number[] = [];

    const onEvent = (p: Participant, raw: MessageEvent) => {
      if (raw.lastEventId) p.lastEventId = raw.lastEventId;
      const data = JSON.parse(raw.data as string) as { json?: { id: number | null; type: string; chatId: string | null; payload: Record<string, unknown> } };
      const event = data.json;
      if (!event?.chatId) return;
      if (event.type === 'chat.offered' && p.role === 'operator') {
        const chatId = event.chatId;
        call(p, 'operator.accept', { chatId })
          .then(() => {
            const track = chats.get(chatId);
            if (track) track.operator = p;
          })
          .catch((e: Error) => log('accept failed', e.message));
        return;
      }
      if (event.type !== 'chat.message') return;
      const message = event.payload.message as { id: number; seq: number; clientId: string | null; kind: string; authorRole: string | null };
      const track = chats.get(event.chatId);
      if (!track || message.kind !== 'text') return;
      if (message.authorRole === p.role) return; // own message echoed back
      if (p !== (p.role === 'dealer' ? track.dealer : track.operator)) return;
      track.received[p.role].push(message.seq);
      const started = message.clientId ? sendStarted.get(`${p.role}:${message.clientId}`) : undefined;
      if (started !== undefined) {
        const arrived = performance.now();
        latencies.push(arrived - started);
        if (!p.outages.some(([from, to]) => from < arrived && to > started)) liveLatencies.push(arrived - started);
        sendStarted.delete(`${p.role}:${message.clientId}`);
      }
    };

    const connect = (p: Participant) => {
      const input = encodeURIComponent(JSON.stringify({ json: { lastEventId: p.lastEventId } }));
      const source = new EventSource(`${base}/api/trpc/realtime.feed?input=${input}`, {
        fetch: (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: p.cookie } }),
      });
      source.onmessage = (event) => onEvent(p, event);
      p.source = source;
      return new Promise<void>((resolve) => source.addEventListener('connected', () => resolve(), { once: true }));
    };

    log('operators go available and connect');
    await Promise.all(operators.map((o) => connect(o)));
    for (const o of operators) await call(o, 'operator.setStatus', { status: 'available' });
    const heartbeat = setInterval(() => operators.forEach((o) => void call(o, 'operator.heartbeat', undefined).catch(() => undefined)), 15_000);

    log('dealers connect and start chats');
    await Promise.all(dealersList.map((d) => connect(d)));
    for (const d of dealersList) {
      const { chatId } = (await call(d, 'chat.start', { topic: 'bench' })) as { chatId: string };
      const track: ChatTrack = { chatId, dealer: d, operator: null, sentBy: { dealer: new Map(), operator: new Map() }, received: { dealer: [], operator: [] } };
      chats.set(chatId, track);
      byDealer.set(d, track);
    }
    for (let i = 0; i < 100 && [...chats.values()].some((c) => !c.operator); i += 1) await sleep(100);
    const unassigned = [...chats.values()].filter((c) => !c.operator).length;
    log(`${chats.size - unassigned} of ${chats.size} chats accepted`);

    log(`messaging for ${SECONDS} s`);
    const endAt = performance.now() + SECONDS * 1000;
    let sent = 0;
    let failedSends = 0;
    const sender = async (track: ChatTrack, side: 'dealer' | 'operator') => {
      await sleep(Math.random() * 1000);
      while (performance.now() < endAt) {
        const who = side === 'dealer' ? track.dealer : track.operator;
        if (who) {
          const clientId = crypto.randomUUID();
          const other = side === 'dealer' ? 'operator' : 'dealer';
          sendStarted.set(`${other}:${clientId}`, performance.now());
          try {
            const message = (await call(who, 'chat.send', { chatId: track.chatId, clientId, text: `bench ${side} ${sent}` })) as { id: number; seq: number };
            track.sentBy[side].set(message.id, message.seq);
            sent += 1;
          } catch (error) {
            failedSends += 1;
            sendStarted.delete(`${other}:${clientId}`);
            log('send failed', (error as Error).message);
          }
        }
        await sleep(1000 + Math.random() * 1000);
      }
    };
    // 5% of the connections drop once at a random moment and come back 0.5–2 s later, resuming by id.
    const dropping = participants.filter(() => Math.random() < DROP_SHARE);
    const droppers = dropping.map(async (p) => {
      await sleep(Math.random() * (SECONDS - 5) * 1000);
      p.source?.close();
      p.drops += 1;
      const from = performance.now();
      await sleep(500 + Math.random() * 1500);
      await connect(p);
      p.outages.push([from, performance.now()]);
    });
    await Promise.all([...[...chats.values()].flatMap((t) => [sender(t, 'dealer'), sender(t, 'operator')]), ...droppers]);
    clearInterval(heartbeat);

    // Let the last messages arrive.
    const expectedTotal = () => [...chats.values()].reduce((n, t) => n + t.sentBy.dealer.size + t.sentBy.operator.size, 0);
    const receivedTotal = () => [...chats.values()].reduce((n, t) => n + new Set(t.received.dealer).size + new Set(t.received.operator).size, 0);
    for (let i = 0; i < 100 && receivedTotal() < expectedTotal(); i += 1) await sleep(100);

    let lost = 0;
    let duplicated = 0;
    let outOfOrder = 0;
    for (const track of chats.values()) {
      for (const [receiver, sender] of [
        ['operator', 'dealer'],
        ['dealer', 'operator'],
      ] as const) {
        const got = track.received[receiver];
        const seen = new Set(got);
        duplicated += got.length - seen.size;
        for (const seq of track.sentBy[sender].values()) if (!seen.has(seq)) lost += 1;
        for (let i = 1; i < got.length; i += 1) if ((got[i] ?? 0) < (got[i - 1] ?? 0)) outOfOrder += 1;
      }
    }
    for (const p of participants) p.source?.close();
    latencies.sort((a, b) => a - b);
    liveLatencies.sort((a, b) => a - b);
    const summary = {
      chats: chats.size,
      messages: expectedTotal(),
      p50_ms: Math.round(percentile(latencies, 0.5) * 10) / 10,
      p99_ms: Math.round(percentile(latencies, 0.99) * 10) / 10,
      lost,
      duplicated,
      out_of_order: outOfOrder,
      p50_live_ms: Math.round(percentile(liveLatencies, 0.5) * 10) / 10,
      p99_live_ms: Math.round(percentile(liveLatencies, 0.99) * 10) / 10,
      dropped_connections: dropping.length,
      failed_sends: failedSends,
      unassigned_chats: unassigned,
      seconds: SECONDS,
      machine: { cpus: os.cpus().length, memory_gib: Math.round(os.totalmem() / 2 ** 30) },
    };
    console.log(JSON.stringify(summary));
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);

