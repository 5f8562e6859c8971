import type { IncomingMessage, ServerResponse } from 'node:http';
import { getErrorShape, getTRPCErrorFromUnknown, isTrackedEnvelope, TRPCError } from '@trpc/server';
import { logger } from '@/server/config/logger';
import { createContextFromHeaders } from '@/server/trpc/context';
import { appRouter, createCaller } from '@/server/trpc/root';
import { headersOf } from './node-fetch-bridge';

export const FEED_PATH = '/api/trpc/realtime.feed';
/**
 * Backpressure: when a client's socket is full the stream waits for it to drain before taking the
 * next event; a client that does not drain in time is dropped, and its EventSource reconnects with
 * its last id and loses nothing. So a slow reader never makes the server buffer without bound,
 * and a burst does not drop a client that keeps reading.
 */
export const FEED_LIMITS = { drainTimeoutMs: 10_000 };
const PING_MS = 5_000;

function drained(res: ServerResponse, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

const config = appRouter._def._config;
/** Each event's data is serialised once for everyone who receives it, not once per connection. */
const serialised = new WeakMap<object, string>();
function dataOf(value: unknown): string {
  const key = typeof value === 'object' && value !== null ? value : null;
  const cached = key ? serialised.get(key) : undefined;
  if (cached !== undefined) return cached;
  const text = JSON.stringify(config.transformer.output.serialize(value));
  if (key) serialised.set(key, text);
  return text;
}

function inputOf(url: URL, headers: Headers): unknown {
  const raw = url.searchParams.get('input');
  let input: unknown = raw ? config.transformer.input.deserialize(JSON.parse(raw)) : undefined;
  const lastEventId = headers.get('last-event-id') ?? url.searchParams.get('lastEventId') ?? url.searchParams.get('Last-Event-Id');
  if (lastEventId) input = { ...(typeof input === 'object' && input ? input : {}), lastEventId };
  return input;
}

/**
 * The realtime feed written straight to the socket: the same `realtime.feed` procedure (its role
 * check, input validation and session watch) driven through a caller, in the wire format of
 * tRPC's SSE link, without a web stream per connection. A slow reader is dropped instead of
 * buffered without bound; its EventSource reconnects with the last id and loses nothing.
 */
export async function serveFeed(req: IncomingMessage, res: ServerResponse, base: string): Promise<void> {
  const url = new URL(req.url ?? '/', base);
  const headers = headersOf(req);
  const controller = new AbortController();
  res.once('close', () => controller.abort());

  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  // tRPC's client takes `connected` as "the subscription has started" and the page then re-reads
  // its data; it is sent once the feed listens, so nothing falls between that read and the stream.
  let connected = false;
  const announce = () => {
    if (connected) return;
    connected = true;
    res.write('event: connected\ndata: {}\n\n');
  };
  const ping = setInterval(() => res.write('event: ping\ndata: \n\n'), PING_MS);
  ping.unref();

  let ctx: Awaited<ReturnType<typeof createContextFromHeaders>> | undefined;
  let input: unknown;
  try {
    input = inputOf(url, headers);
    ctx = { ...(await createContextFromHeaders(headers)), onFeedListening: announce };
    const events = await createCaller(ctx, { signal: controller.signal }).realtime.feed(input as never);
    for await (const value of events as AsyncIterable<unknown>) {
      if (res.destroyed) break;
      const frame = isTrackedEnvelope(value) ? `id: ${value[0]}\ndata: ${dataOf(value[1])}\n\n` : `data: ${dataOf(value)}\n\n`;
      if (!res.write(frame) && !(await drained(res, FEED_LIMITS.drainTimeoutMs))) {
        if (!res.destroyed) logger().warn({ unread: res.writableLength }, 'realtime feed: a client stopped reading, dropped (it resumes from its last event)');
        res.destroy();
        break;
      }
    }
    announce();
    if (!res.destroyed) res.end('event: return\ndata: \n\n');
  } catch (cause) {
    if (controller.signal.aborted || res.destroyed) return;
    const error = cause instanceof SyntaxError ? new TRPCError({ code: 'PARSE_ERROR', message: 'The input is not valid JSON.', cause }) : getTRPCErrorFromUnknown(cause);
    if (error.code === 'INTERNAL_SERVER_ERROR') logger().error({ err: error.cause ?? error }, 'realtime feed failed');
    announce();
    const shape = getErrorShape({ config, ctx, error, input, path: 'realtime.feed', type: 'subscription' });
    res.end(`event: serialized-error\ndata: ${JSON.stringify(config.transformer.output.serialize(shape))}\n\n`);
  } finally {
    clearInterval(ping);
  }
}
