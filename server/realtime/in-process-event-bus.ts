import { getDb, usesPostgres } from '@/server/config/database';
import type { BusEvent, EventBus } from './event-bus';
import { PostgresEventBus } from './postgres-event-bus';

/** Delivers to listeners in this process, synchronously and in publish order. */
export class InProcessEventBus implements EventBus {
  private readonly listeners = new Set<(event: BusEvent) => void>();

  publish(events: readonly BusEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) listener(event);
    }
  }

  subscribe(listener: (event: BusEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

let singleton: InProcessEventBus | PostgresEventBus | undefined;

/**
 * The process's event bus: on PostgreSQL the bus every process of the database shares
 * (server/realtime/postgres-event-bus.ts; made once the database is open, see `startEventBus`),
 * on SQLite (one process) the in-process one.
 */
export function getEventBus(): EventBus {
  singleton ??= usesPostgres() ? new PostgresEventBus(getDb()) : new InProcessEventBus();
  return singleton;
}

/**
 * Makes the process's bus and waits until it receives: on PostgreSQL until its LISTEN connection
 * listens and it knows where the event log ends (an event published before that is not heard by
 * this process). Await it at start-up, after the database is open, before serving.
 */
export async function startEventBus(): Promise<EventBus> {
  const bus = getEventBus();
  if (bus instanceof PostgresEventBus) await bus.ready;
  return bus;
}

/** Stops the process's bus (the PostgreSQL bus's LISTEN connection), at shutdown. */
export async function stopEventBus(): Promise<void> {
  const bus = singleton;
  singleton = undefined;
  if (bus instanceof PostgresEventBus) await bus.close();
}
