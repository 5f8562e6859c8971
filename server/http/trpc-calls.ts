import type { IncomingMessage, ServerResponse } from 'node:http';
import { callTRPCProcedure, getErrorShape, getTRPCErrorFromUnknown, TRPCError, transformTRPCResponse, type AnyTRPCRouter, type inferRouterContext } from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/unstable-core-do-not-import';
import { logger } from '@/server/config/logger';
import { createContextFromHeaders } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';
import { createWidgetContextFromHeaders } from '@/server/trpc/widget-context';
import { widgetRouter } from '@/server/trpc/widget-router';
import { batchTooLarge } from './batch-limit';
import { BodyTooLargeError, MAX_JSON_BODY_BYTES, tooLargeResponse } from './limited-body';
import { headersOf, sendFetchResponse } from './node-fetch-bridge';

export const TRPC_ENDPOINT = '/api/trpc';
export const WIDGET_TRPC_ENDPOINT = '/api/widget/trpc';

/** One tRPC endpoint served directly: its path, its router, and the context of a request's headers. */
export interface DirectEndpoint<TRouter extends AnyTRPCRouter> {
  endpoint: string;
  router: TRouter;
  createContext: (headers: Headers) => Promise<inferRouterContext<TRouter>>;
}

/** The JSON body, refused past MAX_JSON_BODY_BYTES: at once by its declared length, else as it arrives. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_JSON_BODY_BYTES) {
      req.resume();
      reject(new BodyTooLargeError(MAX_JSON_BODY_BYTES));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_JSON_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError(MAX_JSON_BODY_BYTES));
      } else chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

/**
 * Queries and mutations sent as JSON — every call the pages and the widget make, the chat's
 * frequent ones among them — answered straight from Node's request: the same router, context,
 * validation, error formatting and wire format as tRPC's own HTTP handler, without building Fetch
 * API requests, responses and streams for each. The handler returns false for what it does not
 * take (a form or binary body, a subscription); the endpoint's tRPC route module answers those.
 */
export function trpcCallsOf<TRouter extends AnyTRPCRouter>({ endpoint, router, createContext }: DirectEndpoint<TRouter>): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
  const config = router._def._config;
  const procedures = router._def.procedures as unknown as Record<string, { _def: { type: 'query' | 'mutation' | 'subscription' } } | undefined>;
  return async (req, res, url) => {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'POST') return false;
    const contentType = req.headers['content-type'];
    if (method === 'POST' && contentType !== undefined && !contentType.startsWith('application/json')) return false;
    const paths = decodeURIComponent(url.pathname.slice(endpoint.length + 1)).split(',');
    if (paths.some((path) => procedures[path]?._def.type === 'subscription')) return false;

    const tooMany = batchTooLarge(url.href, endpoint);
    if (tooMany) {
      req.resume();
      await sendFetchResponse(res, tooMany);
      return true;
    }
    const isBatch = url.searchParams.get('batch') === '1';
    const type = method === 'GET' ? 'query' : 'mutation';
    const controller = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });

    let ctx: inferRouterContext<TRouter> | undefined;
    let raw: unknown;
    let failure: TRPCError | null = null;
    try {
      const text = method === 'GET' ? url.searchParams.get('input') : await readBody(req);
      raw = text ? JSON.parse(text) : undefined;
      ctx = await createContext(headersOf(req));
    } catch (cause) {
      if (cause instanceof BodyTooLargeError) {
        await sendFetchResponse(res, tooLargeResponse(MAX_JSON_BODY_BYTES));
        return true;
      }
      failure = cause instanceof SyntaxError ? new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause }) : getTRPCErrorFromUnknown(cause);
    }

    const answers = await Promise.all(
      paths.map(async (path, index) => {
        let input: unknown;
        try {
          if (failure) throw failure;
          const procedure = procedures[path];
          if (!procedure) throw new TRPCError({ code: 'NOT_FOUND', message: `No procedure found on path "${path}"` });
          if (procedure._def.type !== type) throw new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: `Unsupported ${method}-request to ${procedure._def.type} procedure at path "${path}"` });
          const serialised = isBatch ? (raw as Record<string, unknown> | undefined)?.[index] : raw;
          input = serialised === undefined ? undefined : config.transformer.input.deserialize(serialised);
          const data = await callTRPCProcedure({ router, path, getRawInput: async () => input, ctx, type, signal: controller.signal, batchIndex: index });
          return { result: { data } };
        } catch (cause) {
          const error = getTRPCErrorFromUnknown(cause);
          if (error.code === 'INTERNAL_SERVER_ERROR') logger().error({ err: error.cause ?? error, path, type }, 'tRPC request failed');
          return { error: getErrorShape({ config, ctx, error, input, path, type }) };
        }
      }),
    );
    const status = getHTTPStatusCode(answers);
    const body = isBatch ? transformTRPCResponse(config, answers) : transformTRPCResponse(config, answers[0] ?? { error: getErrorShape({ config, ctx, error: new TRPCError({ code: 'BAD_REQUEST' }), input: undefined, path: undefined, type }) });
    res.writeHead(status, { 'content-type': 'application/json', vary: 'trpc-accept' });
    res.end(JSON.stringify(body));
    return true;
  };
}

/** The staff API (`/api/trpc`): the session cookie's actor. */
export const serveTrpcCalls = trpcCallsOf({ endpoint: TRPC_ENDPOINT, router: appRouter, createContext: createContextFromHeaders });
/** The widget's API (`/api/widget/trpc`): the visitor of the bearer token, never the staff cookie. */
export const serveWidgetTrpcCalls = trpcCallsOf({ endpoint: WIDGET_TRPC_ENDPOINT, router: widgetRouter, createContext: (headers) => createWidgetContextFromHeaders(headers) });
