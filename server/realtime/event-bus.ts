import type { Audience, RealtimeEventBody } from './events';

/**
 * What travels on the bus: an event of the declared union (server/realtime/events.ts) with who
 * may receive it. Stored events have the id of their realtime_events row (the SSE id a client
 * resumes from); ephemeral ones (typing, queue positions, read marks) have none and are re-read
 * from state after a reconnect.
 */
export type BusEvent = RealtimeEventBody & {
  id: number | null;
  chatId: string | null;
  audience: Audience;
  createdAt: Date;
};

/**
 * The one way realtime leaves a verb. In-process now; a PostgreSQL LISTEN/NOTIFY or Redis
 * implementation fits behind the same two methods without touching routers or verbs.
 */
export interface EventBus {
  /**
   * Settles once the bus hears every event published after it (the PostgreSQL bus: its LISTEN
   * connection listens and it knows where the log ends). A stream awaits it before reading the
   * log, so no event falls between what it read and what the bus brings.
   */
  readonly ready?: Promise<unknown>;
  publish(events: readonly BusEvent[]): void;
  subscribe(listener: (event: BusEvent) => void): () => void;
}
