import { parseArgs } from 'node:util';

/** bench:chat's options (bench/chat.ts's header says what each means). */
export interface ChatBenchOptions {
  /** Dealer chats. */
  chats: number;
  /** Subscriber chats through the widget's API. */
  subscribers: number;
  /** Idle widget sessions, each with its feed open, held through the load. */
  idleWidgets: number;
  seconds: number;
  pdfPerSecond: number;
  db: 'sqlite' | 'postgres';
  processes: number;
  /** A chat counts towards the service level when accepted within this many seconds of its start. */
  targetSeconds: number;
}

/** The idle widget connections when --subscribers is given and --idle-widgets is not. */
export const DEFAULT_IDLE_WIDGETS = 1000;

function count(name: string, text: string | undefined, fallback: number, { min = 0 } = {}): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} ${text}: a whole number, ${min} or more`);
  return value;
}

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} ${text}: a number, 0 or more`);
  return value;
}

/** The command line (and BENCH_DEALERS / BENCH_SECONDS) → options; a bad value throws with the reason. */
export function parseChatBenchArgs(argv: string[], env: Record<string, string | undefined> = {}): ChatBenchOptions {
  const { values: args } = parseArgs({
    args: argv,
    options: {
      chats: { type: 'string' },
      subscribers: { type: 'string' },
      'idle-widgets': { type: 'string' },
      seconds: { type: 'string' },
      'pdf-per-second': { type: 'string' },
      db: { type: 'string' },
      processes: { type: 'string' },
      'target-seconds': { type: 'string' },
    },
  });
  const db = args.db ?? 'sqlite';
  if (db !== 'sqlite' && db !== 'postgres') throw new Error(`--db ${db}: sqlite or postgres`);
  const processes = count('processes', args.processes, 1, { min: 1 });
  // On SQLite the realtime bus is the process's own: a second process would not hear the first.
  if (db === 'sqlite' && processes > 1) throw new Error('--processes above 1 needs --db postgres (on SQLite the realtime bus is in-process)');
  const subscribers = count('subscribers', args.subscribers, 0);
  const chats = count('chats', args.chats ?? env.BENCH_DEALERS, 200);
  if (chats + subscribers < 1) throw new Error('--chats and --subscribers: at least one chat');
  return {
    chats,
    subscribers,
    idleWidgets: count('idle-widgets', args['idle-widgets'], subscribers > 0 ? DEFAULT_IDLE_WIDGETS : 0),
    seconds: positive('seconds', args.seconds ?? env.BENCH_SECONDS, 60),
    pdfPerSecond: positive('pdf-per-second', args['pdf-per-second'], 0),
    db,
    processes,
    targetSeconds: positive('target-seconds', args['target-seconds'], 20),
  };
}
