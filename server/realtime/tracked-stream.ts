import type { TrackedEnvelope } from '@trpc/server';
import { z } from 'zod';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * The output schema of a subscription that yields `tracked(id, item)`: declares the items' schema
 * (clients are typed by it) and checks that the procedure answers with a stream. The stream is
 * passed on as it is, item by item unparsed: its items are validated where they are made
 * (realtime events: server/realtime/change-and-publish.ts), and a per-connection parse would copy
 * each event for every listener, which the feed serialises once for all of them.
 */
export function trackedStream<T extends z.ZodType>(_item: T) {
  return z.custom<AsyncIterable<TrackedEnvelope<z.output<T>>>>(isAsyncIterable, 'A stream of tracked events.');
}
