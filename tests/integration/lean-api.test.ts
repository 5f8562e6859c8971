import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/server/config/database';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { sendFetchResponse, toFetchRequest } from '@/server/http/node-fetch-bridge';
import { serveTrpcCalls } from '@/server/http/trpc-calls';
import { makeWorld, TEST_PASSWORD, type World } from '../helpers/factories';

// The lean tRPC handler and tRPC's own fetch adapter (the route module) side by side, over real
// sockets on a real SQLite file: every answer must be the same, status and body.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-lean-api-'));
process.env.DATA_DIR = dataDir;
const trpcRoute = await import('@/app/api/trpc/[trpc]/route');
const authRoute = await import('@/app/api/auth/[...all]/route');

async function listen(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

let lean: Awaited<ReturnType<typeof listen>>;
let reference: Awaited<ReturnType<typeof listen>>;
let cookie = '';

let world: World;

beforeAll(async () => {
  world = await makeWorld(await openDatabase());
  lean = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://lean');
    if (url.pathname.startsWith('/api/auth/')) return sendFetchResponse(res, await authRoute.POST(await toFetchRequest(req, res, 'http://lean')));
    if (!(await serveTrpcCalls(req, res, url))) {
      res.writeHead(418).end();
    }
  });
  reference = await listen(async (req, res) => {
    const handler = req.method === 'GET' ? trpcRoute.GET : trpcRoute.POST;
    await sendFetchResponse(res, await handler(await toFetchRequest(req, res, 'http://reference')));
  });
  const signIn = await fetch(`${lean.base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: lean.base, [CLIENT_ADDRESS_HEADER]: '10.77.0.1' },
    body: JSON.stringify({ email: world.dealer.email, password: TEST_PASSWORD }),
  });
  cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(async () => {
  lean.server.close();
  reference.server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function both(pathAndQuery: string, init: RequestInit = {}) {
  const answer = async (base: string) => {
    const response = await fetch(`${base}${pathAndQuery}`, { ...init, headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return { lean: await answer(lean.base), reference: await answer(reference.base) };
}

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the lean tRPC handler answers as tRPC itself does', () => {
  it.each([
    ['a query', '/api/trpc/account.profile', {}],
    ['a batch of queries', `/api/trpc/account.profile,chat.list?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: { json: undefined }, 1: { json: {} } }))}`, {}],
    ['an unknown procedure', '/api/trpc/no.such', {}],
    ['a mixed batch (207)', `/api/trpc/account.profile,no.such?batch=1`, {}],
    ['a mutation by GET', '/api/trpc/chat.start', {}],
    ['a role the procedure refuses', '/api/trpc/admin.users.list', {}],
    ['a bad input, with field errors in both languages', '/api/trpc/chat.send', json({ json: { chatId: 'nope', clientId: 'nope', text: '' } })],
    ['a body that is not JSON', '/api/trpc/chat.start', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' }],
    ['a chat that is not there', '/api/trpc/chat.send', json({ json: { chatId: crypto.randomUUID(), clientId: crypto.randomUUID(), text: 'hello' } })],
  ])('%s', async (_, pathAndQuery, init) => {
    const { lean: a, reference: b } = await both(pathAndQuery, init as RequestInit);
    expect(a).toEqual(b);
  });

  it('a mutation that succeeds stores once and answers the same shape', async () => {
    const lean1 = await fetch(`${lean.base}/api/trpc/chat.start`, { ...json({ json: { topic: 'lean' } }), headers: { 'content-type': 'application/json', cookie } });
    const ref1 = await fetch(`${reference.base}/api/trpc/chat.start`, { ...json({ json: { topic: 'reference' } }), headers: { 'content-type': 'application/json', cookie } });
    expect(lean1.status).toBe(200);
    expect(ref1.status).toBe(200);
    const a = (await lean1.json()) as { result: { data: { json: Record<string, unknown> } } };
    const b = (await ref1.json()) as { result: { data: { json: Record<string, unknown> } } };
    expect(Object.keys(a.result.data.json).sort()).toEqual(Object.keys(b.result.data.json).sort());
  });

  it('leaves a form upload to the route module', async () => {
    const response = await fetch(`${lean.base}/api/trpc/chat.start`, { method: 'POST', headers: { cookie }, body: new FormData() });
    expect(response.status).toBe(418);
  });
});
