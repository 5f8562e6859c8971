import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/server/config/database';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { createContextFromHeaders } from '@/server/trpc/context';
import { makeWorld, TEST_PASSWORD } from '../helpers/factories';

// The real route modules (the widget's and the staff's), on a real SQLite file under a temporary DATA_DIR.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-widget-http-'));
process.env.DATA_DIR = dataDir;
process.env.WIDGET_ORIGINS = 'https://www.operator.ua';
// The real clock: open round the clock.
process.env.BUSINESS_HOURS = 'mon-sun 00:00-24:00';
const { POST: authPost } = await import('@/app/api/auth/[...all]/route');
const { GET: trpcGet } = await import('@/app/api/trpc/[trpc]/route');
const { GET: widgetGet, POST: widgetPost } = await import('@/app/api/widget/trpc/[trpc]/route');
const { GET: unreadGet, OPTIONS: unreadOptions } = await import('@/app/api/widget/unread/route');
const { POST: uploadPost } = await import('@/app/api/widget/chats/[chatId]/attachments/route');

const BASE = 'http://localhost:3998';
let world: Awaited<ReturnType<typeof makeWorld>>;
let token: string;
let staffCookie: string;

beforeAll(async () => {
  world = await makeWorld(await openDatabase());
  const started = await widgetPost(
    new Request(`${BASE}/api/widget/trpc/session.start`, { method: 'POST', headers: { 'content-type': 'application/json', [CLIENT_ADDRESS_HEADER]: '10.7.7.7' }, body: JSON.stringify({ json: { locale: 'uk' } }) }),
  );
  expect(started.status).toBe(200);
  token = ((await started.json()) as { result: { data: { json: { token: string } } } }).result.data.json.token;
  const signedIn = await authPost(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, [CLIENT_ADDRESS_HEADER]: '10.7.7.8' },
      body: JSON.stringify({ email: world.operator.email, password: TEST_PASSWORD }),
    }),
  );
  staffCookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  expect(staffCookie).not.toBe('');
});
afterAll(() => {
  delete process.env.WIDGET_ORIGINS;
  delete process.env.BUSINESS_HOURS;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const widgetQuery = (procedure: string, headers: Record<string, string>) => widgetGet(new Request(`${BASE}/api/widget/trpc/${procedure}`, { headers }));

describe('the widget’s endpoint and the staff’s are separate doors', () => {
  it('the bearer token works on /api/widget/trpc', async () => {
    const me = await widgetQuery('session.me', { authorization: `Bearer ${token}` });
    expect(me.status).toBe(200);
    expect(JSON.stringify(await me.json())).toContain('"msisdn":null');
  });

  it('no widget token works on the staff router: the staff context from the bearer alone has no actor', async () => {
    const ctx = await createContextFromHeaders(new Headers({ authorization: `Bearer ${token}` }));
    expect(ctx.actor).toBeNull();
    const profile = await trpcGet(new Request(`${BASE}/api/trpc/account.profile`, { headers: { authorization: `Bearer ${token}` } }));
    expect(profile.status).toBe(401);
  });

  it('no staff cookie works on the widget router', async () => {
    expect((await trpcGet(new Request(`${BASE}/api/trpc/account.profile`, { headers: { cookie: staffCookie } }))).status).toBe(200);
    const me = await widgetQuery('session.me', { cookie: staffCookie });
    expect(me.status).toBe(401);
    expect((await widgetQuery('chat.current', { cookie: staffCookie })).status).toBe(401);
  });

  it('the public status answers without a session', async () => {
    const status = await widgetQuery('status', {});
    expect(status.status).toBe(200);
    expect(JSON.stringify(await status.json())).toContain('Europe/Kyiv');
  });
});

describe('GET /api/widget/unread for the loader’s badge', () => {
  it('answers the count with CORS for an allowed embedding origin only', async () => {
    const allowed = await unreadGet(new Request(`${BASE}/api/widget/unread`, { headers: { authorization: `Bearer ${token}`, origin: 'https://www.operator.ua' } }));
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ unread: 0 });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.operator.ua');
    const other = await unreadGet(new Request(`${BASE}/api/widget/unread`, { headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' } }));
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const anonymous = await unreadGet(new Request(`${BASE}/api/widget/unread`, { headers: { origin: 'https://www.operator.ua' } }));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('access-control-allow-origin')).toBe('https://www.operator.ua');
  });

  it('answers the preflight, allowing the Authorization header, for an allowed origin only', async () => {
    const preflight = unreadOptions(new Request(`${BASE}/api/widget/unread`, { method: 'OPTIONS', headers: { origin: 'https://www.operator.ua', 'access-control-request-headers': 'authorization' } }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.operator.ua');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    const refused = unreadOptions(new Request(`${BASE}/api/widget/unread`, { method: 'OPTIONS', headers: { origin: 'https://evil.example' } }));
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('POST /api/widget/chats/[chatId]/attachments', () => {
  it('needs the bearer token and a proper form', async () => {
    const chatId = crypto.randomUUID();
    const form = () => {
      const body = new FormData();
      body.set('file', new File([new Uint8Array([1, 2, 3])], 'a.png'));
      body.set('clientId', crypto.randomUUID());
      return body;
    };
    expect((await uploadPost(new Request(`${BASE}/api/widget/chats/${chatId}/attachments`, { method: 'POST', body: form() }), { params: Promise.resolve({ chatId }) })).status).toBe(401);
    expect((await uploadPost(new Request(`${BASE}/api/widget/chats/${chatId}/attachments`, { method: 'POST', headers: { cookie: staffCookie }, body: form() }), { params: Promise.resolve({ chatId }) })).status).toBe(401);
    const notMine = await uploadPost(new Request(`${BASE}/api/widget/chats/${chatId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form() }), { params: Promise.resolve({ chatId }) });
    expect(notMine.status).toBe(404);
    const noForm = await uploadPost(new Request(`${BASE}/api/widget/chats/${chatId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' }, body: 'x' }), { params: Promise.resolve({ chatId }) });
    expect(noForm.status).toBe(400);
  });
});

describe('the feed over SSE', () => {
  /** The first chunk of the stream, then the request is cut. */
  async function firstChunk(headers: Record<string, string>, connectionParams?: Record<string, string>, until = /\n\n/) {
    const controller = new AbortController();
    const query = new URLSearchParams({ input: JSON.stringify({ json: {} }) });
    if (connectionParams) query.set('connectionParams', JSON.stringify(connectionParams));
    const response = await widgetGet(new Request(`${BASE}/api/widget/trpc/feed?${query}`, { headers, signal: controller.signal }));
    const reader = response.body?.getReader();
    let text = '';
    while (reader && !until.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    await reader?.cancel().catch(() => undefined);
    return { status: response.status, type: response.headers.get('content-type'), text };
  }

  it('opens with the bearer header, or with the token as a connection parameter (an EventSource sends no headers)', async () => {
    expect(await firstChunk({ authorization: `Bearer ${token}` })).toMatchObject({ status: 200, type: expect.stringContaining('text/event-stream') });
    // By the parameter: the visitor's own event arrives (the chat they start), no refusal.
    const reading = firstChunk({}, { token }, /chat\.created|serialized-error/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = await widgetPost(
      new Request(`${BASE}/api/widget/trpc/chat.start`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ json: {} }) }),
    );
    expect(started.status).toBe(200);
    const byParam = await reading;
    expect(byParam.text).toContain('chat.created');
    expect(byParam.text).not.toContain('UNAUTHORIZED');
  });

  it('a staff cookie opens nothing', async () => {
    // The stream opens, then says why it ends.
    const chunk = await firstChunk({ cookie: staffCookie }, undefined, /serialized-error[\s\S]*\n\n/);
    expect(chunk.text).toContain('UNAUTHORIZED');
  });
});
