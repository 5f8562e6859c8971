import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { first } from '@/db/client';
import { getDb, openDatabase } from '@/server/config/database';
import { chats } from '@/db/schema';
import { parseTrustedProxies } from '@/server/http/client-address';
import { WIDGET_LOCALE_HEADER } from '@/server/http/security-headers';
import { say } from '../helpers/say';
import { rawRequest, startFrontDoorServer, type RouteTable } from '../helpers/front-door-server';
import { makeWorld, TEST_PASSWORD, type World } from '../helpers/factories';

// The real front door and the real route modules on a real SQLite file, over real loopback sockets.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-front-door-'));
process.env.DATA_DIR = dataDir;
const auth = await import('@/app/api/auth/[...all]/route');
const trpc = await import('@/app/api/trpc/[trpc]/route');
const attachments = await import('@/app/api/chats/[chatId]/attachments/route');

const routes: RouteTable = {
  match(method, pathname) {
    const verb = method === 'GET' ? 'GET' : 'POST';
    if (pathname.startsWith('/api/auth/')) return { handler: auth[verb], params: {} as Record<string, string> };
    if (pathname.startsWith('/api/trpc/')) return { handler: trpc[verb], params: {} };
    const upload = /^\/api\/chats\/([^/]+)\/attachments$/.exec(pathname);
    if (upload?.[1] && verb === 'POST') return { handler: attachments.POST as never, params: { chatId: upload[1] } };
    return null;
  },
};

let server: Awaited<ReturnType<typeof startFrontDoorServer>>;

let world: World;

beforeAll(async () => {
  world = await makeWorld(await openDatabase());
  server = await startFrontDoorServer(routes);
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const own = () => `http://127.0.0.1:${server.port}`;

async function signIn(email: string, password: string, from = '127.0.0.1', extra: Record<string, string> = {}) {
  return rawRequest(server.port, {
    method: 'POST',
    path: '/api/auth/sign-in/email',
    headers: { 'content-type': 'application/json', origin: own(), ...extra },
    body: JSON.stringify({ email, password }),
    from,
  });
}

const cookieOf = (response: { headers: Record<string, unknown> }) => String((response.headers['set-cookie'] as string[] | undefined)?.[0] ?? '').split(';')[0] ?? '';

const chatCount = async () => (await first(getDb().select({ n: count() }).from(chats)))?.n ?? 0;

function multipart(fields: Record<string, string>) {
  const boundary = '----dealerdesk' + Math.random().toString(16).slice(2);
  const body = Object.entries(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('') + `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('cross-site requests', () => {
  it('refuses a cross-site chat.start with the victim’s cookie in any content type, and starts nothing', async () => {
    const cookie = cookieOf(await signIn(world.dealer.email, TEST_PASSWORD));
    expect(cookie).toMatch(/session_token=/);
    const before = await chatCount();
    const form = multipart({ topic: 'x' });
    for (const [contentType, body] of [
      [form.contentType, form.body],
      ['text/plain', JSON.stringify({ topic: 'x' })],
      ['application/json', JSON.stringify({ topic: 'x' })],
    ] as const) {
      const response = await rawRequest(server.port, {
        method: 'POST',
        path: '/api/trpc/chat.start',
        headers: { cookie, origin: 'https://evil.example', 'content-type': contentType },
        body,
      });
      expect(response.status).toBe(403);
      const { error } = JSON.parse(response.body);
      expect(error).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.crossSite', params: {} });
      expect(say(error, 'uk')).toContain('іншого сайту');
      expect(say(error, 'en')).toContain('Cross-site request refused');
    }
    // A browser that sends only Sec-Fetch-Site is judged by it.
    const fetchSiteOnly = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/trpc/chat.start',
      headers: { cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(fetchSiteOnly.status).toBe(403);
    expect(await chatCount()).toBe(before);

    // The same call from the app's own page works.
    const ownCall = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/trpc/chat.start',
      headers: { cookie, origin: own(), 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: JSON.stringify({ json: {} }),
    });
    expect(ownCall.status).toBe(200);
    expect(await chatCount()).toBe(before + 1);
  });

  it('refuses a cross-site attachment upload', async () => {
    const cookie = cookieOf(await signIn(world.dealer.email, TEST_PASSWORD));
    const handledBefore = server.handled();
    const form = multipart({ clientId: crypto.randomUUID() });
    const response = await rawRequest(server.port, {
      method: 'POST',
      path: `/api/chats/${crypto.randomUUID()}/attachments`,
      headers: { cookie, origin: 'https://evil.example', 'content-type': form.contentType },
      body: form.body,
    });
    expect(response.status).toBe(403);
    expect(server.handled()).toBe(handledBefore);
  });

  it('a file larger than any route takes is refused by the upload route itself, with its own message', async () => {
    const cookie = cookieOf(await signIn(world.dealer.email, TEST_PASSWORD));
    const boundary = '----dealerdesk-big';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="clientId"\r\n\r\n${crypto.randomUUID()}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head), Buffer.alloc(12 * 1024 * 1024, 1), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const response = await rawRequest(server.port, {
      method: 'POST',
      path: `/api/chats/${crypto.randomUUID()}/attachments`,
      headers: { cookie, origin: own(), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length) },
      body,
    });
    expect(response.status).toBe(413);
    const { error } = JSON.parse(response.body);
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', messageKey: 'errors.fileTooLarge', params: {} });
    expect(say(error, 'uk')).toBe('Файл більший за 10 МБ.');
    expect(say(error, 'en')).toBe('The file is larger than 10 MB.');
  });

  it('accepts APP_URL and the configured origins, and then no longer the addressed host', async () => {
    const configured = await startFrontDoorServer(routes, { appUrl: 'https://desk.example.ua', allowedOrigins: ['https://desk2.example.ua'] });
    try {
      const post = (origin: string) =>
        rawRequest(configured.port, { method: 'POST', path: '/api/trpc/no.such', headers: { origin, 'content-type': 'application/json' }, body: '{}' });
      expect((await post('https://desk.example.ua')).status).toBe(404);
      expect((await post('https://desk2.example.ua')).status).toBe(404);
      expect((await post(`http://127.0.0.1:${configured.port}`)).status).toBe(403);
    } finally {
      await configured.close();
    }
  });
});

describe('client addresses', () => {
  it('a made-up X-Forwarded-For does not reset the per-address sign-in limit, and one address’s failures lock out no other', async () => {
    for (let i = 0; i < 30; i += 1) {
      const response = await signIn(`guess-${i}@nowhere.example`, 'wrong-password', '127.0.0.2', { 'x-forwarded-for': `198.51.100.${i}`, 'x-dealer-desk-client-address': `198.51.100.${i}` });
      expect(response.status).toBe(401);
    }
    const attacker = await signIn(world.dealer2.email, TEST_PASSWORD, '127.0.0.2', { 'x-forwarded-for': '203.0.113.77' });
    expect(attacker.status).toBe(429);
    // Anyone else — another address — still signs in.
    expect((await signIn(world.dealer2.email, TEST_PASSWORD, '127.0.0.3')).status).toBe(200);
  });

  it('a made-up X-Forwarded-For does not reset the limit on wrong subscriber-link tokens either', async () => {
    const view = (from: string, forwarded?: string) =>
      rawRequest(server.port, {
        path: `/api/trpc/subscriber.view?input=${encodeURIComponent(JSON.stringify({ json: { token: 'A'.repeat(32) + Math.random().toString(36).slice(2, 10) } }))}`,
        headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
        from,
      });
    let last = 0;
    for (let i = 0; i < 25; i += 1) last = (await view('127.0.0.6', `198.51.100.${i}`)).status;
    expect(last).toBe(429);
    expect((await view('127.0.0.7')).status).toBe(404);
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const behindProxy = await startFrontDoorServer(routes, { trustedProxies: parseTrustedProxies('127.0.0.4') });
    try {
      for (let i = 0; i < 30; i += 1) {
        const response = await rawRequest(behindProxy.port, {
          method: 'POST',
          path: '/api/auth/sign-in/email',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `1.1.1.${i}, 203.0.113.5` },
          body: JSON.stringify({ email: `proxy-guess-${i}@nowhere.example`, password: 'wrong-password' }),
          from: '127.0.0.4',
        });
        expect(response.status).toBe(401);
      }
      const sameClient = await rawRequest(behindProxy.port, {
        method: 'POST',
        path: '/api/auth/sign-in/email',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.5' },
        body: JSON.stringify({ email: world.operator.email, password: TEST_PASSWORD }),
        from: '127.0.0.4',
      });
      expect(sameClient.status).toBe(429);
      const otherClient = await rawRequest(behindProxy.port, {
        method: 'POST',
        path: '/api/auth/sign-in/email',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.6' },
        body: JSON.stringify({ email: world.operator.email, password: TEST_PASSWORD }),
        from: '127.0.0.4',
      });
      expect(otherClient.status).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });
});

describe('bad addresses and browser-protection headers', () => {
  it('answers malformed percent-encoding with 400 on every path, before any handler', async () => {
    const handledBefore = server.handled();
    for (const bad of ['/api/attachments/%C0', '/s/%E0%A4%A', '/api/trpc/%ZZ', '/applications/%E0%A4/x']) {
      const response = await rawRequest(server.port, { path: bad });
      expect(response.status, bad).toBe(400);
    }
    expect(server.handled()).toBe(handledBefore);
  });

  it('caps a tRPC batch at 20 calls, refused before any runs', async () => {
    const cookie = cookieOf(await signIn(world.admin.email, TEST_PASSWORD, '127.0.0.5'));
    const calls = (n: number) => Array.from({ length: n }, () => 'account.profile').join(',');
    const input = (n: number) => encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, {}]))));
    // About 8 KB of URL: 500 calls.
    const big = await rawRequest(server.port, { path: `/api/trpc/${calls(500)}?batch=1`, headers: { cookie } });
    expect(big.status).toBe(400);
    expect(JSON.parse(big.body).error.code).toBe('BATCH_TOO_LARGE');
    const fine = await rawRequest(server.port, { path: `/api/trpc/${calls(20)}?batch=1&input=${input(20)}`, headers: { cookie } });
    expect(fine.status).toBe(200);
    expect(JSON.parse(fine.body)).toHaveLength(20);
  });

  it('puts the protection headers on every answer, HSTS only over HTTPS', async () => {
    for (const response of [await rawRequest(server.port, { path: '/api/trpc/account.profile' }), await rawRequest(server.port, { path: '/s/%E0' })]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      // Pages run scripts only with their request's nonce; API answers are data and run nothing.
      expect(response.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'|^default-src 'none'/);
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
    const page = await rawRequest(server.port, { path: '/dealer' });
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(page.headers['permissions-policy']).toMatch(/camera=\(\)/);
    const behindTls = await startFrontDoorServer(routes, { trustedProxies: parseTrustedProxies('127.0.0.1') });
    try {
      const response = await rawRequest(behindTls.port, { path: '/applications/x', headers: { 'x-forwarded-proto': 'https' } });
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['permissions-policy']).toMatch(/camera=\(self\)/);
    } finally {
      await behindTls.close();
    }
    // A client not behind the proxy cannot claim HTTPS.
    const spoofed = await rawRequest(server.port, { path: '/', headers: { 'x-forwarded-proto': 'https' } });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });

  it('lets the sites of WIDGET_ORIGINS frame the subscriber’s chat (/widget) and nothing else', async () => {
    const widgetSite = 'https://www.operator.example.ua';
    const door = await startFrontDoorServer(routes, { widgetOrigins: [widgetSite] });
    try {
      for (const path of ['/widget', '/widget?locale=en', '/widget/']) {
        const response = await rawRequest(door.port, { path });
        expect(response.headers['content-security-policy']).toMatch(new RegExp(`frame-ancestors 'self' ${widgetSite.replaceAll('.', '\\.')}(;|$)`));
        expect(response.headers['x-frame-options']).toBeUndefined();
        // Its scripts still run only with the nonce.
        expect(response.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
      }
      for (const path of ['/', '/dealer', '/widgets', '/widget.js', '/operator', '/api/widget/unread', '/sign-in']) {
        const response = await rawRequest(door.port, { path });
        expect(response.headers['content-security-policy'], path).toMatch(/frame-ancestors 'none'/);
        expect(response.headers['content-security-policy'], path).not.toContain(widgetSite);
        expect(response.headers['x-frame-options'], path).toBe('DENY');
      }
    } finally {
      await door.close();
    }
    // Without WIDGET_ORIGINS only the app itself may frame it.
    const alone = await rawRequest(server.port, { path: '/widget' });
    expect(alone.headers['content-security-policy']).toMatch(/frame-ancestors 'self'(;|$)/);
  });

  it('hands the widget page its language from its address, and no other page a widget language', async () => {
    // A route that answers with the header the front door passed on.
    const echo: RouteTable = {
      match: () => ({ handler: (req: Request) => new Response(req.headers.get(WIDGET_LOCALE_HEADER) ?? '-'), params: {} }),
    };
    const door = await startFrontDoorServer(echo, { widgetOrigins: ['https://www.operator.example.ua'] });
    try {
      const said = async (path: string, headers: Record<string, string> = {}) => (await rawRequest(door.port, { path, headers })).body;
      expect(await said('/widget?locale=en')).toBe('en');
      expect(await said('/widget')).toBe('uk');
      expect(await said('/widget?locale=fr')).toBe('uk');
      expect(await said('/widget?locale=uk', { [WIDGET_LOCALE_HEADER]: 'en' })).toBe('uk');
      // A client cannot make a staff page think it is the widget (it would drop the staff header).
      expect(await said('/dealer', { [WIDGET_LOCALE_HEADER]: 'en' })).toBe('-');
      expect(await said('/api/widget/unread', { [WIDGET_LOCALE_HEADER]: 'en' })).toBe('-');
    } finally {
      await door.close();
    }
  });
});
