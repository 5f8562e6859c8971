import type { BusEvent } from './event-bus';

export interface FeedEvent {
  id: number | null;
  type: string;
  chatId: string | null;
  payload: BusEvent['payload'];
}

const made = new WeakMap<BusEvent, FeedEvent>();

/**
 * What the feed sends of an event. One object per event for every stream that carries it, so the
 * HTTP layer serialises it once (server/http/feed-stream.ts), not once per connection.
 */
export function feedEventOf(event: BusEvent): FeedEvent {
  let data = made.get(event);
  if (!data) {
    data = { id: event.id, type: event.type, chatId: event.chatId, payload: event.payload };
    made.set(event, data);
  }
  return data;
}
