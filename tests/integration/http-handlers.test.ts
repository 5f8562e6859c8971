import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/server/config/database';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { say } from '../helpers/say';
import { makeWorld, TEST_PASSWORD } from '../helpers/factories';

// The real route modules, on a real SQLite file under a temporary DATA_DIR.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-http-'));
process.env.DATA_DIR = dataDir;
const { POST: authPost, GET: authGet } = await import('@/app/api/auth/[...all]/route');
const { POST: trpcPost, GET: trpcGet } = await import('@/app/api/trpc/[trpc]/route');
const { GET: health } = await import('@/app/api/health/route');
const { GET: subscriberPdf } = await import('@/app/api/s/[token]/pdf/route');

const BASE = 'http://localhost:3999';
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
  world = await makeWorld(await openDatabase());
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function signIn(email: string, password: string, ip = '10.1.1.1') {
  return authPost(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, [CLIENT_ADDRESS_HEADER]: ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** The cookie header a browser would send back. */
function cookieOf(response: Response): string {
  const setCookie = response.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0] ?? '';
}

function trpcQuery(procedure: string, cookie?: string) {
  return trpcGet(new Request(`${BASE}/api/trpc/${procedure}`, { headers: cookie ? { cookie } : {} }));
}

describe('sign-in', () => {
  it('sets an HttpOnly, SameSite session cookie that identifies the user', async () => {
    const response = await signIn(world.operator.email, TEST_PASSWORD);
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const profile = await trpcQuery('account.profile', cookieOf(response));
    expect(profile.status).toBe(200);
    expect(JSON.stringify(await profile.json())).toContain(world.operator.email);
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const wrong = await signIn(world.backoffice.email, 'not-the-password', '10.2.2.2');
    const unknown = await signIn('nobody@test.local', 'not-the-password', '10.2.2.3');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('throttles repeated wrong passwords for an e-mail from one address, says when to retry, and lets the owner in from another', async () => {
    for (let i = 0; i < 5; i += 1) expect((await signIn(world.dealer2.email, `guess-${i}`, '10.3.3.1')).status).toBe(401);
    for (let i = 0; i < 5; i += 1) {
      const blocked = await signIn(world.dealer2.email, TEST_PASSWORD, '10.3.3.1');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await blocked.json()).error.code).toBe('TOO_MANY_ATTEMPTS');
    }
    // The owner elsewhere, and another account from the guesser's address, are not affected.
    expect((await signIn(world.dealer2.email, TEST_PASSWORD, '10.3.3.99')).status).toBe(200);
    expect((await signIn(world.dealer.email, TEST_PASSWORD, '10.3.3.1')).status).toBe(200);
  });

  it('a deactivated user is signed out at once and cannot sign in again', async () => {
    const session = cookieOf(await signIn(world.operator2.email, TEST_PASSWORD, '10.4.4.4'));
    expect((await trpcQuery('account.profile', session)).status).toBe(200);
    const adminCookie = cookieOf(await signIn(world.admin.email, TEST_PASSWORD, '10.4.4.5'));
    const deactivate = await trpcPost(
      new Request(`${BASE}/api/trpc/admin.users.deactivate`, {
        method: 'POST',
        headers: { cookie: adminCookie, 'content-type': 'application/json' },
        body: JSON.stringify({ json: { userId: world.operator2.id } }),
      }),
    );
    expect(deactivate.status).toBe(200);
    expect((await trpcQuery('account.profile', session)).status).toBe(401);
    expect((await signIn(world.operator2.email, TEST_PASSWORD, '10.4.4.6')).status).toBe(401);
  });

  it('signs out', async () => {
    const cookie = cookieOf(await signIn(world.backoffice.email, TEST_PASSWORD, '10.5.5.5'));
    const out = await authPost(new Request(`${BASE}/api/auth/sign-out`, { method: 'POST', headers: { cookie, origin: BASE, 'content-type': 'application/json' }, body: '{}' }));
    expect(out.status).toBe(200);
    expect((await trpcQuery('account.profile', cookie)).status).toBe(401);
  });

  it('answers a malformed sign-in body with 400', async () => {
    const response = await authPost(new Request(`${BASE}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: BASE }, body: '{nope' }));
    expect(response.status).toBe(400);
  });

  it('still answers session reads through GET', async () => {
    const response = await authGet(new Request(`${BASE}/api/auth/get-session`));
    expect(response.status).toBe(200);
  });
});

function signInByForm(fields: Record<string, string>, ip = '10.6.6.1') {
  return authPost(
    new Request(`${BASE}/api/auth/sign-in/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, [CLIENT_ADDRESS_HEADER]: ip },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

describe('sign-in by a plain form post (before or without the page script)', () => {
  it('sets the session cookie and sends the browser to the role’s workspace with a 303', async () => {
    const response = await signInByForm({ email: world.backoffice.email, password: TEST_PASSWORD, next: '/' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/backoffice');
    const profile = await trpcQuery('account.profile', cookieOf(response));
    expect(profile.status).toBe(200);
    expect(JSON.stringify(await profile.json())).toContain(world.backoffice.email);
  });

  it('follows a same-site next path, never another site', async () => {
    expect((await signInByForm({ email: world.admin.email, password: TEST_PASSWORD, next: '/admin/live' }, '10.6.6.2')).headers.get('location')).toBe('/admin/live');
    expect((await signInByForm({ email: world.admin.email, password: TEST_PASSWORD, next: '//evil.example' }, '10.6.6.3')).headers.get('location')).toBe('/admin');
  });

  it('a wrong password goes back to the sign-in page with the error and no cookie', async () => {
    const response = await signInByForm({ email: world.dealer.email, password: 'wrong-one', next: '/dealer' }, '10.6.6.4');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/sign-in?error=invalid&next=%2Fdealer');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('goes through the same throttle as the scripted sign-in', async () => {
    for (let i = 0; i < 5; i += 1) await signInByForm({ email: world.operator.email, password: `guess-${i}` }, '10.6.6.5');
    const blocked = await signInByForm({ email: world.operator.email, password: TEST_PASSWORD }, '10.6.6.5');
    expect(blocked.headers.get('location')).toMatch(/^\/sign-in\?error=throttled&retry=\d+$/);
    expect(blocked.headers.get('set-cookie')).toBeNull();
  });
});

describe('bad requests get a clear 4xx, never a 500', () => {
  const tenMegabytes = 'x'.repeat(10 * 1024 * 1024);

  it('413 for a 10 MB tRPC body, with and without Content-Length', async () => {
    const declared = await trpcPost(
      new Request(`${BASE}/api/trpc/admin.dealers.create`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(tenMegabytes.length) }, body: tenMegabytes }),
    );
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i += 1) controller.enqueue(new TextEncoder().encode('x'.repeat(1024 * 1024)));
        controller.close();
      },
    });
    const chunked = await trpcPost(new Request(`${BASE}/api/trpc/admin.dealers.create`, { method: 'POST', body: stream, duplex: 'half' } as RequestInit));
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('413 for a 10 MB sign-in body', async () => {
    const response = await authPost(new Request(`${BASE}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: BASE }, body: tenMegabytes }));
    expect(response.status).toBe(413);
  });

  it('404 for an unknown procedure', async () => {
    expect((await trpcQuery('nothing.here')).status).toBe(404);
  });

  it('400 with field paths for malformed input, in English and Ukrainian', async () => {
    const cookie = cookieOf(await signIn(world.admin.email, TEST_PASSWORD, '10.6.6.6'));
    const response = await trpcPost(
      new Request(`${BASE}/api/trpc/admin.dealers.create`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ json: { name: 'X', edrpou: '12' } }),
      }),
    );
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.json.data).toMatchObject({ code: 'BAD_REQUEST', messageKey: 'errors.invalidFields', params: {} });
    const fieldErrors = body.error.json.data.fieldErrors as { path: string; messageKey: string; params: Record<string, string | number> }[];
    expect(fieldErrors.map((f) => f.path).sort()).toEqual(['edrpou', 'name']);
    const edrpou = fieldErrors.find((f) => f.path === 'edrpou');
    expect(edrpou).toEqual({ path: 'edrpou', messageKey: 'validation.edrpouFormat', params: {} });
    expect(say(edrpou, 'uk')).toBe('Код ЄДРПОУ — це 8 цифр.');
    expect(say(edrpou, 'en')).toBe('An EDRPOU code is 8 digits.');
    expect(body.error.json.message).toContain('edrpou: An EDRPOU code is 8 digits.');
  });

  it('400 for a body that is not JSON', async () => {
    const cookie = cookieOf(await signIn(world.admin.email, TEST_PASSWORD, '10.6.6.7'));
    const response = await trpcPost(new Request(`${BASE}/api/trpc/admin.dealers.create`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{oops' }));
    expect(response.status).toBe(400);
  });

  it('401 for a signed-out visitor and 403 for another role', async () => {
    expect((await trpcQuery('admin.users.list')).status).toBe(401);
    const dealer = cookieOf(await signIn(world.dealer.email, TEST_PASSWORD, '10.7.7.7'));
    expect((await trpcQuery('admin.users.list', dealer)).status).toBe(403);
  });
});

describe('health', () => {
  it('reports the database and the version', async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });
});

describe("the subscriber's PDF link (no account)", () => {
  const token = 'A'.repeat(43);
  const get = (headers: Record<string, string>) =>
    subscriberPdf(new Request(`${BASE}/api/s/${token}/pdf`, { headers: { [CLIENT_ADDRESS_HEADER]: '10.7.7.7', ...headers } }), { params: Promise.resolve({ token }) });

  it('refuses a browser with a page in Ukrainian unless English was chosen, and a script with the message key', async () => {
    const page = await get({ accept: 'text/html,application/xhtml+xml' });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('<html lang="uk">');
    expect(html).toContain('Такого посилання не існує. Перевірте, що його скопійовано повністю.');
    expect(html).toContain(`href="/s/${token}"`);

    const english = await get({ accept: 'text/html', cookie: 'locale=en' });
    expect(await english.text()).toContain('This link does not exist. Check that it was copied whole.');

    const script = await get({ accept: 'application/json' });
    expect(script.status).toBe(404);
    const { error } = await script.json();
    expect(error).toEqual({ code: 'NOT_FOUND', messageKey: 'errors.linkNotFound', params: {}, message: 'This link does not exist; check that it was copied whole' });
    expect(say(error, 'uk')).toBe('Такого посилання не існує. Перевірте, що його скопійовано повністю.');
  });
});
