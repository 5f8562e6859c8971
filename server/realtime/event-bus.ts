/**
 * What travels on the bus. Stored events have the id of their realtime_events row (the SSE id a
 * client resumes from); ephemeral ones (typing, queue positions, read marks) have none and are
 * re-read from state after a reconnect. The audience fields say who may receive it.
 */
export interface BusEvent {
  id: number | null;
  type: string;
  chatId: string | null;
  dealerId: string | null;
  dealerUserId: string | null;
  operatorId: string | null;
  allOperators: boolean;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/**
 * The one way realtime leaves a verb. In-process now; a PostgreSQL LISTEN/NOTIFY or Redis
 * implementation fits behind the same two methods without touching routers or verbs.
 */
export interface EventBus {
  publish(events: readonly BusEvent[]): void;
  subscribe(listener: (event: BusEvent) => void): () => void;
}
