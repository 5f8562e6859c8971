import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/server/config/database';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { serveDirectApi } from '@/server/http/direct-api';
import { sendFetchResponse, toFetchRequest } from '@/server/http/node-fetch-bridge';
import { WIDGET_SESSION_RECHECK_MS } from '@/server/widget/watch-widget-session';

// The widget's endpoint through the production server's direct paths (server/http/direct-api.ts,
// what scripts/serve.ts runs before any route module) and through its route module (tRPC's fetch
// adapter) side by side, over real sockets on a real SQLite file: the same answers, and a feed
// that ends at once when its session is ended.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-widget-direct-'));
process.env.DATA_DIR = dataDir;
process.env.BUSINESS_HOURS = 'mon-sun 00:00-24:00';
const widgetRoute = await import('@/app/api/widget/trpc/[trpc]/route');

async function listen(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let direct: Awaited<ReturnType<typeof listen>>;
let reference: Awaited<ReturnType<typeof listen>>;
let ipCounter = 0;

beforeAll(async () => {
  await openDatabase();
  // What the direct path leaves answers 418 here (in the server: the route modules).
  direct = await listen(async (req, res) => {
    if (!(await serveDirectApi(req, res, 'http://direct'))) res.writeHead(418).end();
  });
  reference = await listen(async (req, res) => {
    const handler = req.method === 'GET' ? widgetRoute.GET : widgetRoute.POST;
    await sendFetchResponse(res, await handler(await toFetchRequest(req, res, 'http://reference')));
  });
});
afterAll(() => {
  for (const { server } of [direct, reference]) {
    server.closeAllConnections();
    server.close();
  }
  delete process.env.BUSINESS_HOURS;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function startSession(base: string): Promise<string> {
  const response = await fetch(`${base}/api/widget/trpc/session.start`, json({ json: { locale: 'uk' } }, { [CLIENT_ADDRESS_HEADER]: `10.66.0.${++ipCounter}` }));
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { data: { json: { token: string } } } }).result.data.json.token;
}

describe('the widget’s JSON calls by the direct path answer as tRPC itself does', () => {
  let token = '';
  beforeAll(async () => {
    token = await startSession(direct.base);
  });

  const bearer = () => ({ authorization: `Bearer ${token}` });
  it.each([
    ['the session of the bearer token', '/api/widget/trpc/session.me', () => ({ headers: bearer() })],
    ['no token', '/api/widget/trpc/session.me', () => ({})],
    ['a token that is not one', '/api/widget/trpc/session.me', () => ({ headers: { authorization: 'Bearer not-a-token-at-all-0123456789' } })],
    ['a batch of queries', '/api/widget/trpc/session.me,session.me?batch=1', () => ({ headers: bearer() })],
    ['an unknown procedure', '/api/widget/trpc/no.such', () => ({})],
    ['a staff procedure', '/api/widget/trpc/account.profile', () => ({ headers: bearer() })],
    ['a mutation by GET', '/api/widget/trpc/chat.start', () => ({ headers: bearer() })],
    ['a bad input, with field errors', '/api/widget/trpc/chat.send', () => json({ json: { chatId: 'nope', clientId: 'nope', body: '' } }, bearer())],
    ['a body that is not JSON', '/api/widget/trpc/chat.start', () => ({ method: 'POST', headers: { 'content-type': 'application/json', ...bearer() }, body: '{nope' })],
  ])('%s', async (_, pathAndQuery, init) => {
    const answer = async (base: string) => {
      const response = await fetch(`${base}${pathAndQuery}`, init() as RequestInit);
      return { status: response.status, body: (await response.json()) as unknown };
    };
    expect(await answer(direct.base)).toEqual(await answer(reference.base));
  });

  it('the public status, without a session', async () => {
    // Not compared whole: it holds the time of the next opening, to the millisecond.
    const response = await fetch(`${direct.base}/api/widget/trpc/status`);
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain('Europe/Kyiv');
  });

  it('a session started by the direct path works on the route module, and the other way round', async () => {
    const fromReference = await startSession(reference.base);
    for (const [base, t] of [
      [reference.base, token],
      [direct.base, fromReference],
    ] as const) {
      expect((await fetch(`${base}/api/widget/trpc/session.me`, { headers: { authorization: `Bearer ${t}` } })).status).toBe(200);
    }
  });

  it('leaves a form upload to the route module', async () => {
    const response = await fetch(`${direct.base}/api/widget/trpc/chat.start`, { method: 'POST', headers: bearer(), body: new FormData() });
    expect(response.status).toBe(418);
  });
});

/** A widget feed read by the direct path until it ends: everything it said. */
function readFeed(headers: Record<string, string>, connectionParams?: Record<string, string>) {
  const query = new URLSearchParams({ input: JSON.stringify({ json: {} }) });
  if (connectionParams) query.set('connectionParams', JSON.stringify(connectionParams));
  let text = '';
  let onConnected = () => {};
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const ended = (async () => {
    const response = await fetch(`${direct.base}/api/widget/trpc/feed?${query}`, { headers });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      if (text.includes('event: connected')) onConnected();
    }
    onConnected();
    return text;
  })();
  return { connected, ended };
}

describe('the widget’s feed by the direct path', () => {
  it('opens with the bearer header or the connection parameter, and ends at once on session.end, without waiting for a re-check', async () => {
    // The periodic re-check is far beyond this test's time limit: only the signal can end these feeds.
    expect(WIDGET_SESSION_RECHECK_MS).toBeGreaterThanOrEqual(60_000);
    const token = await startSession(direct.base);
    const byHeader = readFeed({ authorization: `Bearer ${token}` });
    const byParam = readFeed({}, { token });
    await Promise.all([byHeader.connected, byParam.connected]);
    const chat = await fetch(`${direct.base}/api/widget/trpc/chat.start`, json({ json: {} }, { authorization: `Bearer ${token}` }));
    expect(chat.status).toBe(200);
    const ended = await fetch(`${direct.base}/api/widget/trpc/session.end`, json({ json: undefined }, { authorization: `Bearer ${token}` }));
    expect(ended.status).toBe(200);
    for (const feed of [byHeader, byParam]) {
      const text = await feed.ended;
      expect(text).toContain('chat.created');
      expect(text).toMatch(/event: serialized-error[\s\S]*UNAUTHORIZED/);
    }
  });

  it('refuses a feed without a token, and bad connection parameters, as tRPC does', async () => {
    expect(await readFeed({}).ended).toMatch(/event: serialized-error[\s\S]*UNAUTHORIZED/);
    const query = new URLSearchParams({ input: JSON.stringify({ json: {} }), connectionParams: '{nope' });
    const text = await (await fetch(`${direct.base}/api/widget/trpc/feed?${query}`)).text();
    expect(text).toMatch(/event: serialized-error[\s\S]*PARSE_ERROR/);
  });
});
