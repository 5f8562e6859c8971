import fs from 'node:fs';
import os from 'node:os';
import { percentile } from './server';

export type Side = 'dealer' | 'operator';

/** One connection of the load: a dealer (one chat) or an operator (several). */
export interface Participant {
  id: string;
  side: Side;
  lastEventId: string;
  close: (() => void) | null;
  /** When its connection was down: [from, to] in performance.now() time. */
  outages: [number, number][];
}

export interface Pair {
  chatId: string;
  dealer: Participant;
  operator: Participant;
}

/** A message as a receiver sees it. */
export interface Delivered {
  chatId: string;
  seq: number;
  clientId: string | null;
  author: Side;
}

/** What the load needs of a server: the app through its real protocol, or the bare floor. */
export interface LoadTarget {
  /** The server's processes: their CPU is summed, and each is probed. */
  pids: number[];
  /** Whether the servers measure a window on SIGUSR2 (bench/lib/server-probe.mjs). */
  probed?: boolean;
  /** CPU time in ms so far of a database server outside the app's processes (PostgreSQL), if any. */
  dbCpuMs?: () => number;
  /** Extra load during the window (e.g. documents signed); stops when the signal aborts. */
  during?: (signal: AbortSignal) => Promise<unknown>;
  participants: Participant[];
  pairs: Pair[];
  /** Opens the participant's stream from its last event id; resolves once it is live. */
  connect(p: Participant, onMessage: (message: Delivered) => void): Promise<void>;
  send(p: Participant, chatId: string, clientId: string, text: string): Promise<{ seq: number }>;
}

export interface LoadOptions {
  seconds: number;
  dropShare: number;
  minIntervalMs?: number;
  maxIntervalMs?: number;
  log: (...args: unknown[]) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The fields of /proc/<pid>/stat after the command's name (the first is the state, field 3). */
const statFields = (pid: number) => {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
};
const ticksToMs = (ticks: number) => (ticks * 1000) / 100;

/** CPU time (user + system) of a process so far, in ms, from /proc. */
export function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  return ticksToMs(Number(fields[11]) + Number(fields[12]));
}

/**
 * CPU time in ms so far of a server that forks a process per connection (PostgreSQL's postmaster):
 * its own, what its children that ended took (cutime + cstime, counted when it reaps them), and what
 * its live children took. The difference of two readings is what the whole cluster spent between
 * them, connections opened and closed meanwhile included.
 */
export function processTreeCpuMs(pid: number): number {
  const own = statFields(pid);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statFields(Number(entry));
      if (Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended meanwhile: its time is in the parent's cutime once reaped
    }
  }
  return ticksToMs(ticks);
}

/**
 * Both sides of every chat send a message every 1–2 s for the given time; a share of the
 * connections drops once and resumes from its last event id. Counts every message's latency from
 * send to its arrival on the other side, and what was lost, duplicated or out of order.
 */
export async function runChatLoad(target: LoadTarget, options: LoadOptions) {
  const { seconds, dropShare, log } = options;
  const minInterval = options.minIntervalMs ?? 1000;
  const maxInterval = options.maxIntervalMs ?? 2000;
  const pairsByChat = new Map(target.pairs.map((pair) => [pair.chatId, pair]));
  const sentBy = new Map(target.pairs.map((pair) => [pair.chatId, { dealer: [] as number[], operator: [] as number[] }]));
  const received = new Map(target.pairs.map((pair) => [pair.chatId, { dealer: [] as number[], operator: [] as number[] }]));
  const started = new Map<string, number>();
  const latencies: number[] = [];
  const liveLatencies: number[] = [];

  const onMessage = (p: Participant) => (message: Delivered) => {
    const pair = pairsByChat.get(message.chatId);
    if (!pair || message.author === p.side || pair[p.side] !== p) return;
    received.get(message.chatId)?.[p.side].push(message.seq);
    const at = message.clientId ? started.get(message.clientId) : undefined;
    if (at === undefined || !message.clientId) return;
    const arrived = performance.now();
    latencies.push(arrived - at);
    if (!p.outages.some(([from, to]) => from < arrived && to > at)) liveLatencies.push(arrived - at);
    started.delete(message.clientId);
  };
  await Promise.all(target.participants.map((p) => target.connect(p, onMessage(p))));

  log(`messaging for ${seconds} s`);
  const serverCpuMs = () => target.pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
  const cpuBefore = serverCpuMs();
  const dbCpuBefore = target.dbCpuMs?.() ?? 0;
  // A server preloaded with server-probe.mjs measures just this window (event-loop delay, profile).
  if (target.probed) for (const pid of target.pids) process.kill(pid, 'SIGUSR2');
  const extra = new AbortController();
  const extraLoad = target.during?.(extra.signal);
  const endAt = performance.now() + seconds * 1000;
  let failedSends = 0;
  const sender = async (pair: Pair, side: Side) => {
    await sleep(Math.random() * minInterval);
    while (performance.now() < endAt) {
      const clientId = crypto.randomUUID();
      started.set(clientId, performance.now());
      try {
        const { seq } = await target.send(pair[side], pair.chatId, clientId, `bench ${side}`);
        sentBy.get(pair.chatId)?.[side].push(seq);
      } catch (error) {
        failedSends += 1;
        started.delete(clientId);
        log('send failed', (error as Error).message);
      }
      await sleep(minInterval + Math.random() * (maxInterval - minInterval));
    }
  };
  const dropping = target.participants.filter(() => Math.random() < dropShare);
  const droppers = dropping.map(async (p) => {
    await sleep(Math.random() * Math.max(0, seconds - 5) * 1000);
    p.close?.();
    const from = performance.now();
    await sleep(Math.random() * 1000);
    await target.connect(p, onMessage(p));
    p.outages.push([from, performance.now()]);
  });
  await Promise.all([...target.pairs.flatMap((pair) => [sender(pair, 'dealer'), sender(pair, 'operator')]), ...droppers]);
  extra.abort();
  const extraResult = await extraLoad;

  const expected = () => [...sentBy.values()].reduce((n, s) => n + s.dealer.length + s.operator.length, 0);
  const got = () => [...received.values()].reduce((n, r) => n + new Set(r.dealer).size + new Set(r.operator).size, 0);
  for (let i = 0; i < 50 && got() < expected(); i += 1) await sleep(100);
  const cpuMs = serverCpuMs() - cpuBefore;
  const dbCpuMs = target.dbCpuMs ? target.dbCpuMs() - dbCpuBefore : null;
  if (target.probed) for (const pid of target.pids) process.kill(pid, 'SIGUSR2');

  let lost = 0;
  let duplicated = 0;
  let outOfOrder = 0;
  for (const [chatId, sent] of sentBy) {
    const chat = received.get(chatId);
    if (!chat) continue;
    for (const [receiver, author] of [['operator', 'dealer'], ['dealer', 'operator']] as const) {
      const seqs = chat[receiver];
      const seen = new Set(seqs);
      duplicated += seqs.length - seen.size;
      for (const seq of sent[author]) if (!seen.has(seq)) lost += 1;
      for (let i = 1; i < seqs.length; i += 1) if ((seqs[i] ?? 0) < (seqs[i - 1] ?? 0)) outOfOrder += 1;
    }
  }
  for (const p of target.participants) p.close?.();
  latencies.sort((a, b) => a - b);
  liveLatencies.sort((a, b) => a - b);
  const messages = expected();
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    messages,
    p50_ms: round(percentile(latencies, 0.5)),
    p90_ms: round(percentile(latencies, 0.9)),
    p99_ms: round(percentile(latencies, 0.99)),
    p99_live_ms: round(percentile(liveLatencies, 0.99)),
    cpu_ms_per_msg: round(cpuMs / Math.max(1, messages)),
    cpu_share_of_core: round(cpuMs / (seconds * 1000)),
    db_cpu_ms_per_msg: dbCpuMs === null ? null : round(dbCpuMs / Math.max(1, messages)),
    db_cpu_share_of_core: dbCpuMs === null ? null : round(dbCpuMs / (seconds * 1000)),
    lost,
    duplicated,
    out_of_order: outOfOrder,
    failed_sends: failedSends,
    dropped_connections: dropping.length,
    extra: extraResult,
  };
}

export const machine = () => ({ cpus: os.cpus().length, memory_gib: Math.round(os.totalmem() / 2 ** 30), node: process.version });
