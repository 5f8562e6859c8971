import type { IncomingMessage, ServerResponse } from 'node:http';
import { FEED_PATH, serveFeed, serveWidgetFeed, WIDGET_FEED_PATH } from './feed-stream';
import { serveTrpcCalls, serveWidgetTrpcCalls, TRPC_ENDPOINT, WIDGET_TRPC_ENDPOINT } from './trpc-calls';

/** The two tRPC endpoints, the staff's and the widget's, each with its feed and its JSON calls. */
const ENDPOINTS = [
  { endpoint: TRPC_ENDPOINT, feedPath: FEED_PATH, feed: serveFeed, calls: serveTrpcCalls },
  { endpoint: WIDGET_TRPC_ENDPOINT, feedPath: WIDGET_FEED_PATH, feed: serveWidgetFeed, calls: serveWidgetTrpcCalls },
];

/**
 * The production server's direct paths (scripts/serve.ts): each endpoint's realtime feed written
 * straight to the socket and its JSON queries and mutations answered straight from Node's request.
 * Returns false for what they leave (a form or binary body, another address): the route modules
 * (app/api/…, tRPC's fetch adapter for the two endpoints) answer those.
 */
export async function serveDirectApi(req: IncomingMessage, res: ServerResponse, base: string): Promise<boolean> {
  const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
  for (const { endpoint, feedPath, feed, calls } of ENDPOINTS) {
    if (pathname === feedPath && req.method === 'GET') {
      await feed(req, res, base);
      return true;
    }
    if (pathname.startsWith(`${endpoint}/`)) return calls(req, res, new URL(req.url ?? '/', base));
  }
  return false;
}
