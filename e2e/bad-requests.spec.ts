import { expect, test } from '@playwright/test';

test('bad requests get a clear 4xx and the server keeps serving', async ({ request }) => {
  const big = 'x'.repeat(10 * 1024 * 1024);
  const tooLarge = await request.post('/api/trpc/admin.dealers.create', { data: big, headers: { 'content-type': 'application/json' } });
  expect(tooLarge.status()).toBe(413);
  expect((await tooLarge.json()).error.code).toBe('PAYLOAD_TOO_LARGE');

  const authTooLarge = await request.post('/api/auth/sign-in/email', { data: big, headers: { 'content-type': 'application/json' } });
  expect(authTooLarge.status()).toBe(413);

  const unknownProcedure = await request.get('/api/trpc/no.such.procedure');
  expect(unknownProcedure.status()).toBe(404);

  const unknownPage = await request.get('/no-such-page');
  expect(unknownPage.status()).toBe(404);

  const malformed = await request.get('/api/trpc/admin.dealers.listPointsOfSale?input=%7Bnot-json');
  expect(malformed.status()).toBeGreaterThanOrEqual(400);
  expect(malformed.status()).toBeLessThan(500);

  const wrongCredentials = await request.post('/api/auth/sign-in/email', { data: { email: 'admin@demo.local', password: 'nope-nope' } });
  expect(wrongCredentials.status()).toBe(401);

  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
});
