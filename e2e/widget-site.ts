import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * "Another site" for the widget's browser tests: a tiny static server on 127.0.0.1 whose page
 * embeds the loader by the one-line snippet. The app (playwright.config.ts) lets the origins
 * `http://127.0.0.1:<app port + 1 … + 4>` frame its chat: one per parallel worker's slot.
 */
export const WIDGET_SITE_OFFSETS = [1, 2, 3, 4];
/** The self-service portal's key in the browser tests (the app gets it as PORTAL_TOKEN_SECRET). */
export const E2E_PORTAL_TOKEN_SECRET = 'e2e-portal-secret-0123456789abcdefghijklmnop';

export function widgetSiteOrigins(appPort: number): string {
  return WIDGET_SITE_OFFSETS.map((n) => `http://127.0.0.1:${appPort + n}`).join(',');
}

export interface WidgetSite {
  origin: string;
  close: () => Promise<void>;
}

/** Serves `/` (and `/?portal=<token>`) embedding `<app>/widget.js`; port 0: any free one (an origin the app does not allow). */
export async function startWidgetSite(app: string, port: number): Promise<WidgetSite> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/') return void res.writeHead(404).end();
    const portal = url.searchParams.get('portal');
    const attributes = portal ? ` data-portal-token="${portal.replace(/[^A-Za-z0-9._+-]/g, '')}"` : '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="uk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Сайт оператора</title></head>` +
        `<body><h1>Сайт оператора</h1><script src="${app}/widget.js" data-locale="uk"${attributes} async></script></body></html>`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
