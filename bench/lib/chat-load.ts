import fs from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile } from './server';

/** Who holds a connection: a dealer (one chat), a subscriber through the widget (one chat) or an operator (several). */
export type Side = 'dealer' | 'operator' | 'visitor';
/** A chat's class, as the server has it (chats.class): a dealer's, or a subscriber's from the widget. */
export type ChatClass = 'dealer' | 'subscriber';
export const CHAT_CLASSES = ['dealer', 'subscriber'] as const satisfies readonly ChatClass[];
/** The class of the chats a client starts: a visitor's are subscriber chats. */
export const classOf = (client: Participant): ChatClass => (client.side === 'visitor' ? 'subscriber' : 'dealer');

/** One connection of the load. */
export interface Participant {
  id: string;
  side: Side;
  lastEventId: string;
  close: (() => void) | null;
  /** When its connection was down: [from, to] in performance.now() time. */
  outages: [number, number][];
}

/** One chat: the dealer or visitor who started it, and the operator who took it. */
export interface Pair {
  chatId: string;
  client: Participant;
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

const round = (x: number) => Math.round(x * 100) / 100;

/** What one class of chats got: message latency (send → arrival on the other side) and losses. */
export interface ClassCounts {
  lost: number;
  duplicated: number;
  out_of_order: number;
}

/** The figures of one class: its chats, their messages' latency and what went wrong. */
export function classSummary(chats: number, messages: number, latencies: number[], counts: ClassCounts) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { chats, messages, p50_ms: round(percentile(sorted, 0.5)), p99_ms: round(percentile(sorted, 0.99)), ...counts };
}

/**
 * How fast chats were taken: each chat's time from its start to an operator's accept (null: never
 * accepted), as p50/p99 of the accepted ones and the service level, the share of all chats
 * accepted within the target (a chat never accepted counts against it).
 */
export function acceptSummary(acceptMs: (number | null)[], targetMs: number) {
  const accepted = acceptMs.filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
  return {
    accepted: accepted.length,
    accept_p50_ms: round(percentile(accepted, 0.5)),
    accept_p99_ms: round(percentile(accepted, 0.99)),
    service_level: acceptMs.length === 0 ? null : Math.round((accepted.filter((ms) => ms <= targetMs).length / acceptMs.length) * 1000) / 1000,
  };
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
 * The per-class figures of a load (runChatLoad's `per_class`) with how fast each class's chats were
 * taken: `started` holds every chat started, its class and its start-to-accept time (null: never).
 * `chats` is the chats started; `accepted` those an operator took.
 */
export function perClassSummary(
  load: Record<ChatClass, ReturnType<typeof classSummary>>,
  started: { class: ChatClass; acceptMs: number | null }[],
  targetMs: number,
) {
  return Object.fromEntries(
    CHAT_CLASSES.map((k) => {
      const ofClass = started.filter((chat) => chat.class === k).map((chat) => chat.acceptMs);
      const { chats: _paired, p50_ms, p99_ms, ...rest } = load[k];
      return [k, { chats: ofClass.length, p50_ms, p99_ms, ...acceptSummary(ofClass, targetMs), ...rest }];
    }),
  ) as Record<ChatClass, { chats: number; p50_ms: number; p99_ms: number; messages: number } & ReturnType<typeof acceptSummary> & ClassCounts>;
}

/**
 * Both sides of every chat send a message every 1–2 s for the given time; a share of the
 * connections drops once and resumes from its last event id. Counts every message's latency from
 * send to its arrival on the other side, and what was lost, duplicated or out of order: in all and
 * per class of chat (dealer, subscriber).
 */
export async function runChatLoad(target: LoadTarget, options: LoadOptions) {
  const { seconds, dropShare, log } = options;
  const minInterval = options.minIntervalMs ?? 1000;
  const maxInterval = options.maxIntervalMs ?? 2000;
  type Role = 'client' | 'operator';
  const roleIn = (pair: Pair, p: Participant): Role | null => (pair.operator === p ? 'operator' : pair.client === p ? 'client' : null);
  const pairsByChat = new Map(target.pairs.map((pair) => [pair.chatId, pair]));
  const sentBy = new Map(target.pairs.map((pair) => [pair.chatId, { client: [] as number[], operator: [] as number[] }]));
  const received = new Map(target.pairs.map((pair) => [pair.chatId, { client: [] as number[], operator: [] as number[] }]));
  const started = new Map<string, number>();
  const latencies: number[] = [];
  const liveLatencies: number[] = [];
  const classLatencies: Record<ChatClass, number[]> = { dealer: [], subscriber: [] };

  const onMessage = (p: Participant) => (message: Delivered) => {
    const pair = pairsByChat.get(message.chatId);
    const role = pair ? roleIn(pair, p) : null;
    if (!pair || !role || message.author === p.side) return;
    received.get(message.chatId)?.[role].push(message.seq);
    const at = message.clientId ? started.get(message.clientId) : undefined;
    if (at === undefined || !message.clientId) return;
    const arrived = performance.now();
    latencies.push(arrived - at);
    classLatencies[classOf(pair.client)].push(arrived - at);
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
  // This process too (the load generator, on the same cores): when its own loop lags, every
  // latency above includes that lag.
  const generatorCpuBefore = process.cpuUsage();
  const generatorDelay = monitorEventLoopDelay({ resolution: 10 });
  generatorDelay.enable();
  const extra = new AbortController();
  const extraLoad = target.during?.(extra.signal);
  const endAt = performance.now() + seconds * 1000;
  let failedSends = 0;
  const sender = async (pair: Pair, role: Role) => {
    await sleep(Math.random() * minInterval);
    while (performance.now() < endAt) {
      const clientId = crypto.randomUUID();
      started.set(clientId, performance.now());
      try {
        const { seq } = await target.send(pair[role], pair.chatId, clientId, `bench ${pair[role].side}`);
        sentBy.get(pair.chatId)?.[role].push(seq);
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
  await Promise.all([...target.pairs.flatMap((pair) => [sender(pair, 'client'), sender(pair, 'operator')]), ...droppers]);
  extra.abort();
  const extraResult = await extraLoad;

  const expected = () => [...sentBy.values()].reduce((n, s) => n + s.client.length + s.operator.length, 0);
  const got = () => [...received.values()].reduce((n, r) => n + new Set(r.client).size + new Set(r.operator).size, 0);
  for (let i = 0; i < 50 && got() < expected(); i += 1) await sleep(100);
  const cpuMs = serverCpuMs() - cpuBefore;
  generatorDelay.disable();
  const generatorCpu = process.cpuUsage(generatorCpuBefore);
  const dbCpuMs = target.dbCpuMs ? target.dbCpuMs() - dbCpuBefore : null;
  if (target.probed) for (const pid of target.pids) process.kill(pid, 'SIGUSR2');

  const counts: Record<ChatClass, ClassCounts & { chats: number; messages: number }> = {
    dealer: { chats: 0, messages: 0, lost: 0, duplicated: 0, out_of_order: 0 },
    subscriber: { chats: 0, messages: 0, lost: 0, duplicated: 0, out_of_order: 0 },
  };
  for (const [chatId, sent] of sentBy) {
    const chat = received.get(chatId);
    const pair = pairsByChat.get(chatId);
    if (!chat || !pair) continue;
    const c = counts[classOf(pair.client)];
    c.chats += 1;
    c.messages += sent.client.length + sent.operator.length;
    for (const [receiver, author] of [['operator', 'client'], ['client', 'operator']] as const) {
      const seqs = chat[receiver];
      const seen = new Set(seqs);
      c.duplicated += seqs.length - seen.size;
      for (const seq of sent[author]) if (!seen.has(seq)) c.lost += 1;
      for (let i = 1; i < seqs.length; i += 1) if ((seqs[i] ?? 0) < (seqs[i - 1] ?? 0)) c.out_of_order += 1;
    }
  }
  const total = (key: keyof ClassCounts) => counts.dealer[key] + counts.subscriber[key];
  for (const p of target.participants) p.close?.();
  latencies.sort((a, b) => a - b);
  liveLatencies.sort((a, b) => a - b);
  const messages = expected();
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
    generator_cpu_share_of_core: round((generatorCpu.user + generatorCpu.system) / 1000 / (seconds * 1000)),
    generator_loop_delay_p99_ms: round(generatorDelay.percentile(99) / 1e6),
    lost: total('lost'),
    duplicated: total('duplicated'),
    out_of_order: total('out_of_order'),
    per_class: Object.fromEntries(
      CHAT_CLASSES.map((k) => {
        const { chats, messages: classMessages, ...rest } = counts[k];
        return [k, classSummary(chats, classMessages, classLatencies[k], rest)];
      }),
    ) as Record<ChatClass, ReturnType<typeof classSummary>>,
    failed_sends: failedSends,
    dropped_connections: dropping.length,
    extra: extraResult,
  };
}

export const machine = () => ({ cpus: os.cpus().length, memory_gib: Math.round(os.totalmem() / 2 ** 30), node: process.version });
