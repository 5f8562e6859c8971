import { expect, test } from '@playwright/test';
import { expectWorkspace, signIn } from './helpers';

// What an attacker or a careless client tries against the running app, through its real front door.

test('a page from another site cannot change anything with the signed-in dealer’s cookie', async ({ page, baseURL }) => {
  await signIn(page, 'dealer@demo.local');
  await expectWorkspace(page, '/dealer', 'Робоче місце дилера');
  const cookies = await page.context().cookies();
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');

  // What a hidden form on evil.example would post: multipart, no preflight, the victim's cookie.
  const forged = await page.request.post('/api/trpc/chat.start', {
    headers: { origin: 'https://evil.example', cookie },
    multipart: { topic: 'forged' },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe('FORBIDDEN');

  const upload = await page.request.post(`/api/chats/${crypto.randomUUID()}/attachments`, {
    headers: { origin: 'https://evil.example', cookie },
    multipart: { clientId: crypto.randomUUID(), file: { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('x') } },
  });
  expect(upload.status()).toBe(403);

  // The app's own page still works (the page's scripts run under the CSP and send their origin).
  await page.reload();
  await expectWorkspace(page, '/dealer', 'Робоче місце дилера');
  expect(new URL(baseURL ?? '').origin).toBeTruthy();
});

test('pages carry the protection headers and their scripts run only with the nonce', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/sign-in');
  const headers = response?.headers() ?? {};
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toMatch(/camera=\(\)/);
  await signIn(page, 'operator@demo.local');
  await expectWorkspace(page, '/operator', 'Консоль оператора');
  expect(violations).toEqual([]);
});

test('malformed addresses and oversized batches get a clear 4xx while the server keeps serving', async ({ request }) => {
  for (const bad of ['/api/attachments/%C0', '/s/%E0%A4%A', '/api/trpc/%ZZ', '/applications/%E0']) {
    const response = await request.get(bad);
    expect(response.status(), bad).toBe(400);
  }
  const batch = await request.get(`/api/trpc/${Array.from({ length: 500 }, () => 'account.profile').join(',')}?batch=1`);
  expect(batch.status()).toBe(400);
  expect((await batch.json()).error.code).toBe('BATCH_TOO_LARGE');
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
});
