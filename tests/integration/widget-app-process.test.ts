import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess, type AppProcess } from '../helpers/app-process';

// The widget through the production server itself (scripts/serve.ts --api-only, as `npm start`
// runs it, minus the pages), whose direct paths (server/http/direct-api.ts, tested against tRPC's
// own adapter in widget-direct.test.ts) take `/api/widget/trpc` before any route module: a guest
// starts, opens the feed as a browser's EventSource does (the token as a connection parameter),
// and the feed ends as soon as the session does. Runs once, in the SQLite half of the suite.
describe.skipIf(process.env.DEALER_DESK_TEST_DB === 'postgres')('the widget on the production server', () => {
  let dir: string;
  let app: AppProcess;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-widget-app-'));
    app = await startAppProcess({ DATA_DIR: dir, DEMO: 'off', ADMIN_EMAIL: 'admin@widget-app.test', ADMIN_PASSWORD: 'admin-password-1', BUSINESS_HOURS: 'mon-sun 00:00-24:00', BETTER_AUTH_SECRET: 'widget-app-process-secret-0123456789abcdef' });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const post = (procedure: string, body: unknown, token?: string) =>
    fetch(`${app.base}/api/widget/trpc/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });

  it('starts a session, streams the feed, and ends the feed on session.end', async () => {
    const started = await post('session.start', { json: { locale: 'uk' } });
    expect(started.status).toBe(200);
    const token = ((await started.json()) as { result: { data: { json: { token: string } } } }).result.data.json.token;
    expect((await fetch(`${app.base}/api/widget/trpc/session.me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    const query = new URLSearchParams({ input: JSON.stringify({ json: {} }), connectionParams: JSON.stringify({ token }) });
    const response = await fetch(`${app.base}/api/widget/trpc/feed?${query}`);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    let text = '';
    let onConnected = () => {};
    const connected = new Promise<void>((resolve) => (onConnected = resolve));
    const ended = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        text += decoder.decode(chunk, { stream: true });
        if (text.includes('event: connected')) onConnected();
      }
      onConnected();
      return text;
    })();
    await connected;
    expect((await post('chat.start', { json: {} }, token)).status).toBe(200);
    expect((await post('session.end', {}, token)).status).toBe(200);
    // Ended by the signal: the periodic re-check is a minute away.
    const all = await ended;
    expect(all).toContain('chat.created');
    expect(all).toMatch(/event: serialized-error[\s\S]*UNAUTHORIZED/);
  });
});
