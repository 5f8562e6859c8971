import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/server/config/database';
import { systemClock } from '@/server/context';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { FEED_LIMITS, FEED_PATH, serveFeed } from '@/server/http/feed-stream';
import { latestEventId } from '@/server/realtime/audience';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { getEventBus } from '@/server/realtime/in-process-event-bus';
import { makeWorld, TEST_PASSWORD } from '../helpers/factories';

// The realtime feed as the server writes it, over real sockets: a client that stops reading is
// dropped instead of growing the server's memory, and resumes from its last id without loss.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-feed-'));
process.env.DATA_DIR = dataDir;
const auth = await import('@/app/api/auth/[...all]/route');

let server: http.Server;
let port = 0;
let cookie = '';
let world: Awaited<ReturnType<typeof makeWorld>>;
/** For each stream the server served: whether the server itself cut it (the client had not gone). */
const served: { droppedByServer: boolean }[] = [];

beforeAll(async () => {
  FEED_LIMITS.drainTimeoutMs = 1000;
  world = await makeWorld(getDb());
  server = http.createServer((req, res) => {
    let clientGone = false;
    req.socket.once('close', () => (clientGone = true));
    const destroy = res.destroy.bind(res);
    let cutByServer = false;
    res.destroy = ((error?: Error) => {
      if (!clientGone) cutByServer = true;
      return destroy(error);
    }) as typeof res.destroy;
    void serveFeed(req, res, `http://127.0.0.1:${port}`).then(() => served.push({ droppedByServer: cutByServer }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const signIn = await auth.POST(
    new Request('http://127.0.0.1/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1', [CLIENT_ADDRESS_HEADER]: '10.88.0.1' },
      body: JSON.stringify({ email: world.dealer.email, password: TEST_PASSWORD }),
    }),
  );
  cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Stream {
  ids: number[];
  connected: Promise<void>;
  response: Promise<http.IncomingMessage>;
  request: http.ClientRequest;
}

/** A feed client; `read: false` receives the headers and then never reads the body. */
function open(lastEventId: number, read = true): Stream {
  const ids: number[] = [];
  let buffer = '';
  let onConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  let request!: http.ClientRequest;
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    request = http.get({ host: '127.0.0.1', port, path: `${FEED_PATH}?lastEventId=${lastEventId}`, headers: { cookie } }, (res) => {
      resolve(res);
      if (!read) {
        res.pause();
        onConnected();
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame.startsWith('event: connected')) onConnected();
          const id = /^id: (\d+)$/m.exec(frame)?.[1];
          if (id && frame.includes('"type":"chat.message"')) ids.push(Number(id));
          end = buffer.indexOf('\n\n');
        }
      });
    });
    request.on('error', reject);
  });
  response.catch(() => undefined);
  return { ids, connected, response, request };
}

async function publishBulk(count: number, bytes: number): Promise<number[]> {
  const ids: number[] = [];
  const filler = 'ж'.repeat(bytes / 2);
  for (let i = 0; i < count; i += 1) {
    await changeAndPublish({ db: getDb(), bus: getEventBus(), clock: systemClock }, async (_tx, emitter) => {
      const message = { id: i, chatId: 'bulk', seq: i, kind: 'text', authorId: null, authorName: null, authorRole: null, clientId: null, body: filler, attachment: null, createdAt: new Date().toISOString() } as const;
      await emitter.emit({ type: 'chat.message', chatId: 'bulk', audience: [{ kind: 'dealer', dealerId: world.dealer.dealerId ?? '', userId: null }], payload: { message } });
    });
  }
  const last = await latestEventId(getDb());
  for (let id = last - count + 1; id <= last; id += 1) ids.push(id);
  return ids;
}

const until = async (condition: () => boolean, what: string) => {
  for (let i = 0; i < 600 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 50));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
};

describe('the realtime feed under a slow reader', () => {
  it('drops a client that stops reading, keeps serving the others, and the dropped one resumes without loss', async () => {
    const start = await latestEventId(getDb());
    const slow = open(start, false);
    const fast = open(start);
    await Promise.all([slow.connected, fast.connected]);

    // 12.8 MB: far more than the sockets' buffers hold, all at once.
    const count = 200;
    const expected = await publishBulk(count, 64 * 1024);

    await until(() => fast.ids.length === count, 'the reading client to get every event');
    expect(fast.ids).toEqual(expected);
    await until(() => served.some((s) => s.droppedByServer), 'the server to drop the slow client');
    slow.request.destroy();

    // It comes back with the last id it saw (none of these) and gets all of them, once, in order.
    const resumed = open(start);
    await until(() => resumed.ids.length === count, 'the resumed client to catch up');
    expect(resumed.ids).toEqual(expected);
    resumed.request.destroy();
    fast.request.destroy();
    // 12.8 MB stored and read back through the log: on PostgreSQL every process's bus reads it too.
  }, 60_000);
});
