import type { IncomingMessage, ServerResponse } from 'node:http';
import { callTRPCProcedure, getErrorShape, getTRPCErrorFromUnknown, isTrackedEnvelope, TRPCError, type AnyTRPCRouter, type inferRouterContext } from '@trpc/server';
import { parseConnectionParamsFromString } from '@trpc/server/http';
import { logger } from '@/server/config/logger';
import { createContextFromHeaders } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';
import { createWidgetContextFromHeaders } from '@/server/trpc/widget-context';
import { widgetRouter } from '@/server/trpc/widget-router';
import { headersOf } from './node-fetch-bridge';
import { TRPC_ENDPOINT, WIDGET_TRPC_ENDPOINT } from './trpc-calls';

export const FEED_PATH = `${TRPC_ENDPOINT}/realtime.feed`;
export const WIDGET_FEED_PATH = `${WIDGET_TRPC_ENDPOINT}/feed`;
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

type Transformer = AnyTRPCRouter['_def']['_config']['transformer'];
/** Each event's data is serialised once for everyone who receives it, not once per connection. */
const serialised = new WeakMap<object, string>();
function dataOf(transformer: Transformer, value: unknown): string {
  const key = typeof value === 'object' && value !== null ? value : null;
  const cached = key ? serialised.get(key) : undefined;
  if (cached !== undefined) return cached;
  const text = JSON.stringify(transformer.output.serialize(value));
  if (key) serialised.set(key, text);
  return text;
}

function inputOf(config: AnyTRPCRouter['_def']['_config'], url: URL, headers: Headers): unknown {
  const raw = url.searchParams.get('input');
  let input: unknown = raw ? config.transformer.input.deserialize(JSON.parse(raw)) : undefined;
  const lastEventId = headers.get('last-event-id') ?? url.searchParams.get('lastEventId') ?? url.searchParams.get('Last-Event-Id');
  if (lastEventId) input = { ...(typeof input === 'object' && input ? input : {}), lastEventId };
  return input;
}

/** A feed served directly: the router, its subscription's path, and the context of a request. */
export interface DirectFeed<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  procedure: string;
  /** The request's headers and tRPC's connection parameters (`connectionParams`, null when none were sent). */
  createContext: (headers: Headers, connectionParams: Record<string, string | undefined> | null) => Promise<inferRouterContext<TRouter>>;
}

/**
 * A realtime feed written straight to the socket: the same subscription procedure (its role or
 * session check, input validation and session watch), in the wire format of tRPC's SSE link,
 * without a web stream per connection. A slow reader is dropped instead of buffered without
 * bound; its EventSource reconnects with the last id and loses nothing.
 */
export function feedOf<TRouter extends AnyTRPCRouter>({ router, procedure, createContext }: DirectFeed<TRouter>): (req: IncomingMessage, res: ServerResponse, base: string) => Promise<void> {
  const config = router._def._config;
  return async (req, res, base) => {
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

    let ctx: inferRouterContext<TRouter> | undefined;
    let input: unknown;
    try {
      input = inputOf(config, url, headers);
      const params = url.searchParams.get('connectionParams');
      ctx = { ...(await createContext(headers, params === null ? null : parseConnectionParamsFromString(params))), onFeedListening: announce };
      const events = await callTRPCProcedure({ router, path: procedure, getRawInput: async () => input, ctx, type: 'subscription', signal: controller.signal, batchIndex: 0 });
      for await (const value of events as AsyncIterable<unknown>) {
        if (res.destroyed) break;
        const frame = isTrackedEnvelope(value) ? `id: ${value[0]}\ndata: ${dataOf(config.transformer, value[1])}\n\n` : `data: ${dataOf(config.transformer, value)}\n\n`;
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
      const shape = getErrorShape({ config, ctx, error, input, path: procedure, type: 'subscription' });
      res.end(`event: serialized-error\ndata: ${JSON.stringify(config.transformer.output.serialize(shape))}\n\n`);
    } finally {
      clearInterval(ping);
    }
  };
}

/** The staff's realtime feed (`realtime.feed`): the session cookie's actor. */
export const serveFeed = feedOf({ router: appRouter, procedure: 'realtime.feed', createContext: (headers) => createContextFromHeaders(headers) });
/**
 * The widget's feed (`feed`): the bearer token from the Authorization header or, from a browser's
 * EventSource (which sends no headers), tRPC's `connectionParams` (server/trpc/widget-context.ts).
 */
export const serveWidgetFeed = feedOf({ router: widgetRouter, procedure: 'feed', createContext: createWidgetContextFromHeaders });
