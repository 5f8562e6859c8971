import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { EventSource } from 'eventsource';
import { freePort } from './free-port';

const ROOT = path.resolve(import.meta.dirname, '..', '..');


export interface AppProcess {
  base: string;
  pid: number;
  /** SIGKILL: the process dies at once, mid-whatever. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

/**
 * A real app process (scripts/serve.ts, as `npm start` runs it) serving only /api (`--api-only`:
 * no Next.js, so no production build is needed), on its own port, with the given environment.
 */
export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'serve.ts'), '--api-only'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOSTNAME: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    pid: child.pid ?? 0,
    output: () => output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      await exited;
    },
  };
}

export interface FeedEvent {
  id: string;
  type: string;
  chatId: string | null;
  payload: Record<string, unknown>;
}

/** Someone signed in through the real HTTP API of one process (or another: `use`). */
export class ApiClient {
  cookie = '';
  readonly events: FeedEvent[] = [];
  lastEventId = '0';
  private source: EventSource | null = null;

  constructor(public base: string) {}

  use(base: string) {
    this.base = base;
  }

  async signIn(email: string, password: string) {
    const response = await fetch(`${this.base}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.base },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`sign-in ${email}: ${response.status} ${await response.text()}`);
    this.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  async mutate<T = unknown>(procedure: string, input?: unknown): Promise<T> {
    const response = await fetch(`${this.base}/api/trpc/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, origin: this.base },
      body: JSON.stringify({ json: input }),
    });
    const body = (await response.json()) as { result?: { data?: { json?: T } }; error?: unknown };
    if (!response.ok) throw new Error(`${procedure} → ${response.status} ${JSON.stringify(body.error).slice(0, 300)}`);
    return body.result?.data?.json as T;
  }

  async query<T = unknown>(procedure: string, input?: unknown): Promise<T> {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const response = await fetch(`${this.base}/api/trpc/${procedure}${query}`, { headers: { cookie: this.cookie } });
    const body = (await response.json()) as { result?: { data?: { json?: T } }; error?: unknown };
    if (!response.ok) throw new Error(`${procedure} → ${response.status} ${JSON.stringify(body.error).slice(0, 300)}`);
    return body.result?.data?.json as T;
  }

  async get(pathname: string): Promise<Response> {
    return fetch(`${this.base}${pathname}`, { headers: { cookie: this.cookie } });
  }

  /** Opens the realtime feed on the current process, resuming after the last event id seen. */
  listen(): Promise<void> {
    this.source?.close();
    const input = encodeURIComponent(JSON.stringify({ json: { lastEventId: this.lastEventId } }));
    const source = new EventSource(`${this.base}/api/trpc/realtime.feed?input=${input}`, {
      fetch: (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie: this.cookie } }),
    });
    this.source = source;
    source.onmessage = (raw) => {
      const event = (JSON.parse(raw.data as string) as { json?: Omit<FeedEvent, 'id'> }).json;
      if (!event) return;
      if (raw.lastEventId) this.lastEventId = raw.lastEventId;
      this.events.push({ id: raw.lastEventId, ...event });
    };
    return new Promise<void>((resolve, reject) => {
      source.addEventListener('connected', () => resolve(), { once: true });
      source.onerror = (error) => reject(new Error(`feed: ${String((error as { message?: string }).message ?? error)}`));
    });
  }

  closeFeed() {
    this.source?.close();
    this.source = null;
  }

  /** Waits until an event matching `test` arrived (polling what the feed collected). */
  async waitFor(test: (e: FeedEvent) => boolean, what: string, ms = 20_000): Promise<FeedEvent> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.events.find(test);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${what} within ${ms} ms; got ${this.events.map((e) => e.type).join(', ')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The texts of the chat's messages received, in the order they arrived. */
  messages(chatId: string): { seq: number; body: string }[] {
    return this.events
      .filter((e) => e.type === 'chat.message' && e.chatId === chatId)
      .map((e) => e.payload.message as { seq: number; body: string; kind: string })
      .filter((m) => m.kind === 'text')
      .map(({ seq, body }) => ({ seq, body }));
  }
}
