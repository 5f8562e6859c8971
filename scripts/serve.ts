// The app's one HTTP server. Every request passes the front door (server/http/front-door.ts);
// then the API (/api/*: the realtime feeds, staff and widget, written straight to the socket,
// tRPC's JSON calls of both endpoints answered straight from Node's request, every other route
// module of app/api run directly, tRPC's route modules for what the direct paths leave) is
// answered here, and pages go to Next.js. The API and the
// background services live in this module graph only, so the event bus, timers and session
// signals are one per process. `npm start` runs it on the production build, `npm run dev` with --dev.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import next from 'next';
import { openDatabase } from '@/server/config/database';
import { env } from '@/server/config/env';
import { logger } from '@/server/config/logger';
import { compileRoutes, serveApi, type RouteModule } from '@/server/http/api-router';
import { parseTrustedProxies } from '@/server/http/client-address';
import { serveDirectApi } from '@/server/http/direct-api';
import { createFrontDoor } from '@/server/http/front-door';
import { jsonError } from '@/server/http/limited-body';
import { sendFetchResponse } from '@/server/http/node-fetch-bridge';
import { stopEventBus } from '@/server/realtime/in-process-event-bus';
import { startUp } from '@/server/system/start-up';
import { demoHistory } from '@/simulation/load-demo-history';

const ROOT = path.resolve(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
/** Only /api, no Next.js (so no production build is needed): the tests' app processes (tests/helpers/app-process.ts). */
const apiOnly = process.argv.includes('--api-only');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const config = env();

/** app/api/**\/route.ts, each at the path Next.js would serve it. */
async function apiRoutes(): Promise<{ path: string; module: RouteModule }[]> {
  const found: { path: string; module: RouteModule }[] = [];
  const walk = async (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name === 'route.ts') {
        const routePath = '/' + path.relative(path.join(ROOT, 'app'), dir).split(path.sep).join('/');
        found.push({ path: routePath, module: (await import(pathToFileURL(full).href)) as RouteModule });
      }
    }
  };
  await walk(path.join(ROOT, 'app', 'api'));
  return found;
}

// Migrate, seed and start the services here; Next.js's instrumentation hook then leaves them be.
process.env.DEALER_DESK_SERVER = 'front-door';
// The database first (PostgreSQL is opened and migrated only here), before anything queries it.
await openDatabase();
await startUp({ demoHistory });
const routes = compileRoutes(await apiRoutes());

const app = apiOnly ? null : next({ dev, dir: ROOT, port, hostname });
await app?.prepare();
const pages = app?.getRequestHandler() ?? ((_req: http.IncomingMessage, res: http.ServerResponse) => void res.writeHead(404).end());
const base = `http://${hostname ?? 'localhost'}:${port}`;

const server = http.createServer(
  createFrontDoor({ trustedProxies: parseTrustedProxies(config.TRUSTED_PROXIES), appUrl: config.APP_URL, allowedOrigins: config.ALLOWED_ORIGINS, widgetOrigins: config.WIDGET_ORIGINS, dev }, async (req, res) => {
    const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (pathname !== '/api' && !pathname.startsWith('/api/')) return pages(req, res);
    try {
      if (await serveDirectApi(req, res, base)) return;
      if (!(await serveApi(routes, req, res, base))) await sendFetchResponse(res, jsonError(404, 'NOT_FOUND', 'No such address.', { messageKey: 'errors.noSuchAddress' }));
    } catch (error) {
      logger().error({ err: error, url: req.url }, 'request failed');
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  }),
);
if (dev && app) server.on('upgrade', app.getUpgradeHandler());
server.listen(port, hostname, () => {
  console.log(`[dealer-desk] ready on http://${hostname ?? 'localhost'}:${port}${dev ? ' (development)' : ''}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    void Promise.allSettled([app?.close(), stopEventBus()]).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
