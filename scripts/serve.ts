// The app's one HTTP server: the front door (server/http/front-door.ts) in front of Next.js.
// `npm start` runs it on the production build, `npm run dev` with `--dev`.
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { env } from '@/server/config/env';
import { parseTrustedProxies } from '@/server/http/client-address';
import { createFrontDoor } from '@/server/http/front-door';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const config = env();

const app = next({ dev, dir: path.resolve(import.meta.dirname, '..'), port, hostname });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer(
  createFrontDoor(
    { trustedProxies: parseTrustedProxies(config.TRUSTED_PROXIES), appUrl: config.APP_URL, allowedOrigins: config.ALLOWED_ORIGINS, dev },
    (req, res) => handle(req, res),
  ),
);
if (dev) server.on('upgrade', app.getUpgradeHandler());
server.listen(port, hostname, () => {
  console.log(`[dealer-desk] ready on http://${hostname ?? 'localhost'}:${port}${dev ? ' (development)' : ''}`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
