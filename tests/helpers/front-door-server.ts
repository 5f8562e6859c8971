import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTrustedProxies } from '@/server/http/client-address';
import { createFrontDoor, type FrontDoorConfig } from '@/server/http/front-door';
import { sendFetchResponse, toFetchRequest } from '@/server/http/node-fetch-bridge';

type Route = (req: Request, context: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;
export interface RouteTable {
  match(method: string, pathname: string): { handler: Route; params: Record<string, string> } | null;
}

/**
 * The real front door on a loopback port, with the app's real route handlers behind it in place of
 * Next.js's router (which needs a production build), through the same bridge the server uses
 * (server/http/node-fetch-bridge.ts). `handled` counts what got past the front door.
 */
export async function startFrontDoorServer(routes: RouteTable, config: Partial<FrontDoorConfig> = {}) {
  let handled = 0;
  let base = '';
  const door = createFrontDoor(
    { trustedProxies: parseTrustedProxies(''), appUrl: undefined, allowedOrigins: [], dev: false, ...config },
    async (req, res) => {
      handled += 1;
      const url = new URL(req.url ?? '/', base);
      const route = routes.match(req.method ?? 'GET', url.pathname);
      if (!route) {
        res.statusCode = 404;
        res.end();
        return;
      }
      await sendFetchResponse(res, await route.handler(await toFetchRequest(req, res, base), { params: Promise.resolve(route.params) }));
    },
  );
  const server = http.createServer(door);
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  return {
    port,
    base,
    handled: () => handled,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One request from a chosen loopback address (127.0.0.2, 127.0.0.3, …), as different clients would come. */
export function rawRequest(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; from?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, localAddress: options.from ?? '127.0.0.1' },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
