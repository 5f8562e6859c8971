import type { BusEvent, EventBus } from './event-bus';

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

let singleton: InProcessEventBus | undefined;

export function getEventBus(): EventBus {
  singleton ??= new InProcessEventBus();
  return singleton;
}
