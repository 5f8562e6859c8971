import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFeed } from '../helpers/feed-reader';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { getDb } from '@/server/config/database';
import { makeWorld, TEST_PASSWORD } from '../helpers/factories';

// The real auth route and request context, on a real SQLite file under a temporary DATA_DIR.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-sessions-'));
process.env.DATA_DIR = dataDir;
const { POST: authPost } = await import('@/app/api/auth/[...all]/route');
const { GET: trpcGet } = await import('@/app/api/trpc/[trpc]/route');
const { createContextFromHeaders } = await import('@/server/trpc/context');
const { createCaller } = await import('@/server/trpc/root');

const BASE = 'http://localhost:3999';
let world: Awaited<ReturnType<typeof makeWorld>>;
const open: AbortController[] = [];

beforeAll(async () => {
  world = await makeWorld(getDb());
});
afterAll(() => {
  for (const controller of open) controller.abort();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let ipCounter = 0;
function signIn(email: string, password = TEST_PASSWORD) {
  ipCounter += 1;
  return authPost(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, [CLIENT_ADDRESS_HEADER]: `10.20.0.${ipCounter}` },
      body: JSON.stringify({ email, password }),
    }),
  );
}

const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
const signedIn = async (email: string) => cookieOf(await signIn(email));
const signOut = (cookie: string) =>
  authPost(new Request(`${BASE}/api/auth/sign-out`, { method: 'POST', headers: { cookie, origin: BASE, 'content-type': 'application/json' }, body: '{}' }));
const profileStatus = async (cookie: string) => (await trpcGet(new Request(`${BASE}/api/trpc/account.profile`, { headers: { cookie } }))).status;

/** A caller exactly as an HTTP request with this cookie would get. */
async function callerWith(cookie: string, signal?: AbortSignal) {
  return createCaller(await createContextFromHeaders(new Headers({ cookie })), { signal });
}

describe('sign-in answer', () => {
  it('sets the session cookie but does not repeat the token in the JSON body', async () => {
    const response = await signIn(world.operator.email);
    expect(response.status).toBe(200);
    const token = decodeURIComponent(cookieOf(response).split('=')[1] ?? '').split('.')[0];
    expect(token).toMatch(/^\w{16,}$/);
    const text = await response.text();
    expect(text).not.toContain(token);
    const body = JSON.parse(text) as Record<string, unknown>;
    expect(body).not.toHaveProperty('token');
    expect(body).toMatchObject({ user: { email: world.operator.email } });
    expect(response.headers.get('content-length') ?? String(Buffer.byteLength(text))).toBe(String(Buffer.byteLength(text)));
  });
});

describe('deactivation', () => {
  it('deletes the sessions for good: reactivating the user does not bring an old cookie back', async () => {
    const session = await signedIn(world.dealer2.email);
    expect(await profileStatus(session)).toBe(200); // the cookie is now in the session cache
    const admin = await callerWith(await signedIn(world.admin.email));
    await admin.admin.users.deactivate({ userId: world.dealer2.id });
    await admin.admin.users.reactivate({ userId: world.dealer2.id });
    expect(await profileStatus(session)).toBe(401);
    expect(await profileStatus(await signedIn(world.dealer2.email))).toBe(200);
  });
});

describe('an open realtime feed', () => {
  it('ends at once when its user signs out, and delivers nothing after', async () => {
    const dealerCookie = await signedIn(world.dealer.email);
    const operator = await callerWith(await signedIn(world.operator.email));
    await operator.operator.setStatus({ status: 'available' });
    const { chatId } = await (await callerWith(dealerCookie)).chat.start({});
    await operator.operator.accept({ chatId });
    const send = (text: string) => operator.chat.send({ chatId, clientId: crypto.randomUUID(), text });

    const controller = new AbortController();
    open.push(controller);
    const stream = await (await callerWith(dealerCookie, controller.signal)).realtime.feed({});
    const { bodies, ended } = readFeed(stream);

    await send('before');
    await vi.waitFor(() => expect(bodies).toContain('before'));
    expect((await signOut(dealerCookie)).status).toBe(200);
    await send('after');
    expect(await Promise.race([ended, new Promise((resolve) => setTimeout(() => resolve('still open'), 2000))])).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(bodies).not.toContain('after');
  });
});
