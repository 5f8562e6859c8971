import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTrustedProxies } from '@/server/http/client-address';
import { createFrontDoor, type FrontDoorConfig } from '@/server/http/front-door';

type Route = (req: Request, context: { params: Promise<Record<string, string>> }) => Response | Promise<Response>;
export interface RouteTable {
  match(method: string, pathname: string): { handler: Route; params: Record<string, string> } | null;
}

/** Node's request as the Fetch API Request that Next.js gives a route handler. */
async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? '/', base), { method: req.method, headers, body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * The real front door on a loopback port, with the app's real route handlers behind it in place of
 * Next.js's router (which needs a production build). `handled` counts what got past the front door.
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
      await send(res, await route.handler(await toRequest(req, base), { params: Promise.resolve(route.params) }));
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
