// A page of "another site" that embeds the subscriber widget, as the operator's public site would:
//   npm run widget:demo            (the app at APP_URL or http://localhost:3000)
// Start the app with WIDGET_ORIGINS=http://127.0.0.1:3100 so it lets this origin frame the chat.
// WIDGET_DEMO_PORT changes the port; ?locale=en and ?portal=<token> try the English widget and the
// self-service portal's token (docs/widget.md).
import http from 'node:http';

const app = (process.env.APP_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
const port = Number(process.env.WIDGET_DEMO_PORT ?? 3100);
const host = '127.0.0.1';

const escape = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(url) {
  const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'uk';
  const portal = url.searchParams.get('portal');
  const snippet = `<script src="${escape(app)}/widget.js" data-locale="${locale}"${portal ? ` data-portal-token="${escape(portal)}"` : ''} async></script>`;
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Мобільний оператор — demo site</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1e293b}code{background:#f1f5f9;padding:.1rem .3rem;border-radius:.25rem;word-break:break-all}</style>
</head>
<body>
<h1>Мобільний оператор</h1>
<p>A page of another site (${escape(`http://${host}:${port}`)}) with the subscriber chat embedded by one line:</p>
<p><code>${escape(snippet)}</code></p>
<p>The launcher is at the bottom right.</p>
${snippet}
</body>
</html>`;
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${host}:${port}`);
  if (url.pathname !== '/') {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page(url));
});

server.listen(port, host, () => {
  console.log(`[widget-demo] http://${host}:${port} embeds ${app}/widget.js`);
  console.log(`[widget-demo] start the app with WIDGET_ORIGINS=http://${host}:${port} (and APP_URL=${app}) so it may frame the chat`);
});
