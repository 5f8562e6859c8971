import { asc, gt, max, sql } from 'drizzle-orm';
import { first, rawRows, type Db } from '@/db/client';
import { listenToPostgres, type PostgresListener } from '@/db/postgres-listener';
import { realtimeEvents } from '@/db/schema';
import { logger } from '@/server/config/logger';
import { eventOfRow } from './audience';
import type { BusEvent, EventBus } from './event-bus';

/** The channel every process of one database NOTIFYs and LISTENs on. */
export const EVENT_CHANNEL = 'dealer_desk_events';

/** PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7_999;
/** Rows read from realtime_events per query when catching up. */
const READ_BATCH = 500;
/** After a failed read of the log, the next try. */
const READ_RETRY_MS = 1_000;

/** An ephemeral event as it travels in a notification (its time as an ISO string). */
type WireEvent = Omit<BusEvent, 'id' | 'createdAt'> & { createdAt: string };
/** A notification's payload is a JSON array of these, in publish order: a stored event's id, or an ephemeral event in full. */
type WireItem = number | WireEvent;

type Task = { kind: 'start' } | { kind: 'catchUp' } | { kind: 'notification'; items: WireItem[] };

export interface PostgresEventBusOptions {
  channel?: string;
  /** The LISTEN connection's reconnection backoff (db/postgres-listener.ts). */
  minReconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
}

/**
 * The event bus shared by every process of one PostgreSQL database (issue 16).
 *
 * - Stored events are in realtime_events before they are published (changeAndPublish appends them
 *   in the verb's transaction, under the event log's lock, so their ids are readable in commit
 *   order: server/realtime/change-and-publish.ts, `appendEvents`).
 * - `publish` (after the commit) sends one NOTIFY on `dealer_desk_events` whose payload lists the
 *   stored events' ids (never their bodies) and carries ephemeral events (typing, queue places,
 *   read marks) in full; a payload is kept under PostgreSQL's 8,000 bytes by splitting it, and an
 *   ephemeral event too big for one alone is dropped with a log line (it is ephemeral). What one
 *   process publishes goes out in publish order: sends are queued, and what piles up while one is
 *   on its way goes in the next.
 * - Each process holds ONE dedicated LISTEN connection (db/postgres-listener.ts). A notification
 *   wakes the reader: it reads `realtime_events where id > lastId order by id` and fans every row
 *   out to this process's subscribers, once each and in id order. One reader at a time works
 *   through the notifications in order: a notification whose ids were all read already (a burst
 *   the first read covered) costs no query. An ephemeral event goes to the subscribers when its
 *   notification's turn comes, after the stored events listed before it. This process's own
 *   events come back the same way: there is one path.
 * - Start-up begins from the log's current last id (read after the connection listens, so nothing
 *   committed later is missed). After a lost LISTEN connection the listener reconnects with a
 *   backoff and the reader catches up from its last id: nothing lost, nothing twice. Ephemeral
 *   events sent while it was away are lost, as they may be (they are re-read from state).
 *
 * Delivery is asynchronous (a subscriber hears an event after its NOTIFY has come back), unlike
 * the in-process bus.
 */
export class PostgresEventBus implements EventBus {
  private readonly listeners = new Set<(event: BusEvent) => void>();
  private readonly channel: string;
  private readonly listener: PostgresListener;
  private readonly log = logger().child({ module: 'postgres-event-bus' });

  /** The last stored event delivered (every lower id was, or was never committed). */
  private lastId = 0;
  private initialised = false;
  private listening = false;
  private closed = false;
  private readonly tasks: Task[] = [];
  private draining: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  private readonly outbox: WireItem[] = [];
  /**
   * This process's own stored events, by id, as published: when their notification comes back
   * and they are next in line, they are delivered from here instead of being read again from the
   * log (a read per message saved). Anything not next in line is read from the log as before.
   */
  private readonly own = new Map<number, BusEvent>();
  private sending: Promise<void> | null = null;

  private markReady: () => void = () => undefined;
  /** Resolves when the bus listens and knows where the log ends: await it before serving. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    private readonly db: Db,
    options: PostgresEventBusOptions = {},
  ) {
    this.channel = options.channel ?? EVENT_CHANNEL;
    this.listener = listenToPostgres(
      db,
      this.channel,
      {
        onNotification: (payload) => this.received(payload),
        onListening: (firstTime) => this.connected(firstTime),
        onError: (error, reconnectInMs) => this.log.warn({ err: error, reconnectInMs }, 'event bus: LISTEN connection lost, reconnecting'),
      },
      { minDelayMs: options.minReconnectDelayMs, maxDelayMs: options.maxReconnectDelayMs },
    );
  }

  publish(events: readonly BusEvent[]): void {
    if (this.closed || events.length === 0) return;
    for (const event of events) {
      if (event.id !== null && event.id > this.lastId) this.own.set(event.id, event);
      this.outbox.push(event.id !== null ? event.id : { ...event, createdAt: event.createdAt.toISOString() });
    }
    if (!this.sending) {
      this.sending = this.send().finally(() => (this.sending = null));
    }
  }

  subscribe(listener: (event: BusEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** The LISTEN connection's server process id (null while reconnecting), for tests and diagnostics. */
  listenerPid(): number | null {
    return this.listener.backendPid();
  }

  /** Sends what is still queued, stops listening and reading. The pool stays open (its owner closes it). */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.sending;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.tasks.length = 0;
    await this.listener.close();
    await this.draining;
    this.markReady();
  }

  // --- sending ---

  private async send(): Promise<void> {
    // Yields first, so everything published in this tick goes in one notification.
    await Promise.resolve();
    while (this.outbox.length > 0) {
      const items = this.outbox.splice(0);
      for (const payload of this.payloadsOf(items)) {
        try {
          await rawRows(this.db, sql`select pg_notify(${this.channel}, ${payload})`);
        } catch (error) {
          // The stored events are not lost: the next notification (or reconnection) of any process reads them.
          this.log.error({ err: error }, 'event bus: NOTIFY failed');
        }
      }
    }
  }

  /** The items as JSON arrays, each under PostgreSQL's payload limit, in order. */
  private payloadsOf(items: readonly WireItem[]): string[] {
    const payloads: string[] = [];
    let parts: string[] = [];
    let bytes = 2; // the brackets
    for (const item of items) {
      const text = JSON.stringify(item);
      const size = Buffer.byteLength(text);
      if (size + 2 > MAX_PAYLOAD_BYTES) {
        const event = item as WireEvent;
        this.log.warn({ type: event.type, chatId: event.chatId, bytes: size }, 'event bus: an ephemeral event too big for a notification was dropped');
        continue;
      }
      if (parts.length > 0 && bytes + 1 + size > MAX_PAYLOAD_BYTES) {
        payloads.push(`[${parts.join(',')}]`);
        parts = [];
        bytes = 2;
      }
      bytes += (parts.length > 0 ? 1 : 0) + size;
      parts.push(text);
    }
    if (parts.length > 0) payloads.push(`[${parts.join(',')}]`);
    return payloads;
  }

  // --- receiving ---

  private received(payload: string): void {
    let items: unknown;
    try {
      items = JSON.parse(payload);
    } catch {
      items = null;
    }
    if (Array.isArray(items)) this.enqueue({ kind: 'notification', items: items as WireItem[] });
    else {
      this.log.warn({ payload: payload.slice(0, 200) }, 'event bus: a notification not understood; reading the log');
      this.enqueue({ kind: 'catchUp' });
    }
  }

  private connected(firstTime: boolean): void {
    if (firstTime) {
      // Before any notification that arrived with the connection: where the log ends now.
      this.tasks.unshift({ kind: 'start' });
      this.listening = true;
    } else {
      this.tasks.push({ kind: 'catchUp' });
    }
    this.drain();
  }

  private enqueue(task: Task): void {
    if (this.closed) return;
    this.tasks.push(task);
    this.drain();
  }

  /** One reader at a time, through the tasks in order. */
  private drain(): void {
    if (this.draining || !this.listening || this.closed) return;
    this.draining = (async () => {
      while (this.tasks.length > 0 && !this.closed) {
        const task = this.tasks.shift() as Task;
        try {
          await this.run(task);
        } catch (error) {
          this.log.error({ err: error, task: task.kind }, 'event bus: reading the event log failed; retrying');
          this.retry(task.kind === 'start' ? task : { kind: 'catchUp' });
        }
      }
    })().finally(() => {
      this.draining = null;
      // A task queued in the moment between the loop's end and here.
      if (this.tasks.length > 0) this.drain();
    });
  }

  private retry(task: Task): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.enqueue(task);
    }, READ_RETRY_MS);
    this.retryTimer.unref?.();
  }

  private async run(task: Task): Promise<void> {
    switch (task.kind) {
      case 'start': {
        if (this.initialised) return;
        const row = await first(this.db.select({ id: max(realtimeEvents.id) }).from(realtimeEvents));
        this.lastId = Number(row?.id ?? 0);
        this.forgetOwnUpTo(this.lastId);
        this.initialised = true;
        this.markReady();
        return;
      }
      case 'catchUp':
        if (this.initialised) await this.readNew();
        return;
      case 'notification':
        for (const item of task.items) {
          if (typeof item === 'number') {
            // Before the start the stored ids are covered by the start's read of where the log ends.
            if (this.initialised && item > this.lastId) this.deliverOwnInLine();
            if (this.initialised && item > this.lastId) await this.readNew();
          } else if (item && typeof item === 'object') {
            this.deliver({ ...item, id: null, createdAt: new Date(item.createdAt) } as BusEvent);
          }
        }
        return;
    }
  }

  /** Every stored event after the last one delivered, in id order. */
  private async readNew(): Promise<void> {
    for (;;) {
      const rows = await this.db.select().from(realtimeEvents).where(gt(realtimeEvents.id, this.lastId)).orderBy(asc(realtimeEvents.id)).limit(READ_BATCH);
      for (const row of rows) {
        if (this.closed) return;
        this.lastId = row.id;
        this.deliver(eventOfRow(row));
      }
      if (rows.length < READ_BATCH) break;
    }
    this.forgetOwnUpTo(this.lastId);
  }

  /** Delivers this process's own events while the next id in line is one of them. */
  private deliverOwnInLine(): void {
    for (let next = this.own.get(this.lastId + 1); next && !this.closed; next = this.own.get(this.lastId + 1)) {
      this.own.delete(this.lastId + 1);
      this.lastId += 1;
      this.deliver(next);
    }
  }

  private forgetOwnUpTo(id: number): void {
    for (const key of this.own.keys()) if (key <= id) this.own.delete(key);
  }

  private deliver(event: BusEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.log.error({ err: error, type: event.type }, 'event bus: a subscriber failed');
      }
    }
  }
}
