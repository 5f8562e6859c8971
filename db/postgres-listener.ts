import pg from 'pg';
import type { Db } from './client';

/**
 * One dedicated PostgreSQL connection that LISTENs on a channel (the shared event bus,
 * server/realtime/postgres-event-bus.ts). It is a pg.Client of its own, not one of the pool's:
 * a LISTEN belongs to a session, and a pooled connection goes back to others. It connects with
 * the pool's own settings. When the connection is lost (an error, the server ending it, a
 * terminated backend) it reconnects with an exponential backoff, forever, until `close()`;
 * notifications sent while it was away are lost to it, so after every connection has started
 * listening it says so (`onListening`) and the caller catches up from what it last read.
 */
export interface ListenerHandlers {
  /** A notification's payload on the channel. */
  onNotification(payload: string): void;
  /**
   * The connection now listens: the first time (`first`) or after a reconnection. Anything
   * notified before it may have been missed. Notifications already received on this connection
   * may have been handed to `onNotification` just before this call.
   */
  onListening(first: boolean): void;
  /** A lost connection or a failed attempt, for the log; the listener reconnects by itself. */
  onError?(error: Error, reconnectInMs: number): void;
}

export interface ListenerOptions {
  /** The first reconnection's delay; doubled each failed attempt up to `maxDelayMs`. Default 100 ms. */
  minDelayMs?: number;
  /** Default 5 s. */
  maxDelayMs?: number;
  /** The connection's application_name (seen in pg_stat_activity). */
  applicationName?: string;
}

export interface PostgresListener {
  /** Resolves when the first connection listens. */
  readonly listening: Promise<void>;
  /** The server process id of the listening connection, or null while (re)connecting. */
  backendPid(): number | null;
  /** Stops listening and ends the connection; no reconnection after it. */
  close(): Promise<void>;
}

export function listenToPostgres(db: Db, channel: string, handlers: ListenerHandlers, options: ListenerOptions = {}): PostgresListener {
  const pool = db.$client as unknown as pg.Pool;
  const connection = { ...(pool as unknown as { options: pg.ClientConfig }).options, application_name: options.applicationName ?? 'dealer-desk-listener' };
  const minDelay = options.minDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 5_000;

  let closed = false;
  let current: pg.Client | null = null;
  let pid: number | null = null;
  let failures = 0;
  let timer: NodeJS.Timeout | null = null;
  let everListened = false;
  let resolveListening: () => void = () => undefined;
  const listening = new Promise<void>((resolve) => (resolveListening = resolve));

  const scheduleReconnect = (error: Error) => {
    if (closed || timer) return;
    const delay = Math.min(maxDelay, minDelay * 2 ** failures);
    failures += 1;
    // A little jitter, so several processes do not all come back in the same instant.
    const wait = Math.round(delay * (0.75 + Math.random() * 0.5));
    handlers.onError?.(error, wait);
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, wait);
    timer.unref?.();
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    const client = new pg.Client(connection);
    let gone = false;
    const lost = (error: Error) => {
      if (gone) return;
      gone = true;
      if (current === client) {
        current = null;
        pid = null;
      }
      client.end().catch(() => undefined);
      scheduleReconnect(error);
    };
    // Registered before connecting, and never removed: an 'error' without a listener would crash the process.
    client.on('error', (error) => lost(error));
    client.on('end', () => lost(new Error('the LISTEN connection ended')));
    client.on('notification', (message) => {
      if (!gone && !closed && message.channel === channel) handlers.onNotification(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      const [row] = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows;
      if (closed) {
        gone = true;
        await client.end().catch(() => undefined);
        return;
      }
      if (gone) return;
      current = client;
      pid = row?.pid ?? null;
      failures = 0;
      const first = !everListened;
      everListened = true;
      handlers.onListening(first);
      if (first) resolveListening();
    } catch (error) {
      lost(error as Error);
    }
  };

  void connect();

  return {
    listening,
    backendPid: () => pid,
    async close() {
      closed = true;
      resolveListening();
      if (timer) clearTimeout(timer);
      timer = null;
      const client = current;
      current = null;
      pid = null;
      if (client) await client.end().catch(() => undefined);
    },
  };
}
