import type { BusEvent } from './event-bus';
import type { FeedEvent } from './events';

export type { FeedEvent } from './events';

const made = new WeakMap<BusEvent, FeedEvent>();

/**
 * What the feed sends of an event (the `feedEvent` schema of server/realtime/events.ts). One
 * object per event for every stream that carries it, so the HTTP layer serialises it once
 * (server/http/feed-stream.ts), not once per connection.
 */
export function feedEventOf(event: BusEvent): FeedEvent {
  let data = made.get(event);
  if (!data) {
    // The body's type and payload belong together; TypeScript cannot follow that through a copy.
    data = { id: event.id, type: event.type, chatId: event.chatId, payload: event.payload } as FeedEvent;
    made.set(event, data);
  }
  return data;
}
