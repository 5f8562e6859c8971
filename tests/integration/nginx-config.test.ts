import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustedProxies, resolveClientAddress } from '@/server/http/client-address';
import { freePort } from '../helpers/free-port';

// deploy/nginx/dealer-desk.conf, run by Debian's nginx in front of two small stand-ins for the app
// processes: the file as committed, with only its addresses, ports and certificate paths moved
// to free ones. Round robin over both, HTTP/1.1 kept alive to them, the forwarded headers the
// app's TRUSTED_PROXIES reading needs, uploads up to the app's own limit, and the realtime feed
// passed through event by event. Skipped where nginx (or openssl, for a throwaway certificate)
// is not installed: apt-get install -y nginx.

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => fs.existsSync(file));
const OPENSSL = ['/usr/bin/openssl', '/bin/openssl'].find((file) => fs.existsSync(file));
const CONFIG = path.join(process.cwd(), 'deploy', 'nginx', 'dealer-desk.conf');
const FEED_PATH = '/api/trpc/realtime.feed';
const HOST = 'desk.example.ua';
const skipped = !NGINX ? 'nginx is not installed (apt-get install -y nginx)' : !OPENSSL ? 'openssl is not installed' : null;
if (skipped) console.warn(`[nginx-config] skipped: ${skipped}`);

interface Seen {
  backend: string;
  method: string;
  url: string;
  httpVersion: string;
  headers: http.IncomingHttpHeaders;
  socket: number;
  remoteAddress: string | undefined;
  bodyBytes: number;
}


/** A stand-in app process: answers with its name, records what it received; the feed path stays open, writing what `feedWrites` is given. */
function startBackend(name: string, seen: Seen[], feeds: http.ServerResponse[]): Promise<{ server: http.Server; port: number }> {
  let sockets = 0;
  const socketIds = new WeakMap<net.Socket, number>();
  const server = http.createServer((req, res) => {
    if (!socketIds.has(req.socket)) socketIds.set(req.socket, (sockets += 1));
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
    req.on('end', () => {
      seen.push({ backend: name, method: req.method ?? '', url: req.url ?? '', httpVersion: req.httpVersion, headers: req.headers, socket: socketIds.get(req.socket) ?? 0, remoteAddress: req.socket.remoteAddress, bodyBytes });
      if (req.url === FEED_PATH) {
        // No X-Accel-Buffering here: the configuration alone must let each event through.
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.write('data: first\n\n');
        feeds.push(res);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`${name} ${bodyBytes}`);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as net.AddressInfo).port })));
}

/** The committed configuration with its addresses moved; each replacement must find its line. */
function rewrite(config: string, moves: [string, string][]): string {
  let text = config;
  for (const [from, to] of moves) {
    if (!text.includes(from)) throw new Error(`deploy/nginx/dealer-desk.conf no longer has "${from}": update this test`);
    text = text.replaceAll(from, to);
  }
  return text;
}

/** The browser's address: another loopback address than nginx's own (127.0.0.1, the trusted proxy). */
const CLIENT_ADDRESS = '127.0.0.2';

function request(port: number, options: { path?: string; method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', localAddress: CLIENT_ADDRESS, port, servername: HOST, path: options.path ?? '/', method: options.method ?? 'GET', headers: { host: HOST, ...options.headers }, rejectUnauthorized: false, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.once('error', reject);
    req.end(options.body);
  });
}

describe.skipIf(skipped)('the nginx configuration in deploy/nginx (Debian’s nginx)', () => {
  const seen: Seen[] = [];
  const feeds: http.ServerResponse[] = [];
  const backends: http.Server[] = [];
  let nginx: ChildProcess | undefined;
  let dir: string;
  let httpsPort: number;
  let nginxLog = '';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-nginx-'));
    // As root nginx's workers run as `nobody`: they buffer request bodies in these folders.
    fs.chmodSync(dir, 0o777);
    const one = await startBackend('one', seen, feeds);
    const two = await startBackend('two', seen, feeds);
    backends.push(one.server, two.server);
    httpsPort = await freePort();
    const httpPort = await freePort();
    execFileSync(OPENSSL as string, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'privkey.pem'), '-out', path.join(dir, 'fullchain.pem'), '-days', '1', '-subj', `/CN=${HOST}`], { stdio: 'ignore' });
    const site = rewrite(fs.readFileSync(CONFIG, 'utf8'), [
      ['server 127.0.0.1:3001 ', `server 127.0.0.1:${one.port} `],
      ['server 127.0.0.1:3002 ', `server 127.0.0.1:${two.port} `],
      ['listen 80;', `listen 127.0.0.1:${httpPort};`],
      ['listen [::]:80;', ''],
      ['listen 443 ssl http2;', `listen 127.0.0.1:${httpsPort} ssl http2;`],
      ['listen [::]:443 ssl http2;', ''],
      ['/etc/ssl/dealer-desk/', `${dir}/`],
    ]);
    fs.writeFileSync(path.join(dir, 'site.conf'), site);
    fs.writeFileSync(
      path.join(dir, 'nginx.conf'),
      [
        'daemon off;',
        'worker_processes 1;',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log warn;`,
        'events { worker_connections 64; }',
        'http {',
        '  access_log off;',
        `  client_body_temp_path ${dir}/body;`,
        `  proxy_temp_path ${dir}/proxy;`,
        `  include ${dir}/site.conf;`,
        '}',
      ].join('\n'),
    );
    const test = spawn(NGINX as string, ['-t', '-p', `${dir}/`, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let testOutput = '';
    test.stderr?.on('data', (chunk: Buffer) => (testOutput += chunk.toString()));
    const testCode = await new Promise<number | null>((resolve) => test.once('exit', resolve));
    if (testCode !== 0) throw new Error(`nginx -t refused the configuration:\n${testOutput}`);

    nginx = spawn(NGINX as string, ['-p', `${dir}/`, '-e', `${dir}/error.log`, '-c', `${dir}/nginx.conf`], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stderr?.on('data', (chunk: Buffer) => (nginxLog += chunk.toString()));
    for (let attempt = 0; ; attempt += 1) {
      const up = await new Promise<boolean>((resolve) => {
        const socket = net.connect(httpsPort, '127.0.0.1', () => {
          socket.end();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      if (up) break;
      if (attempt > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${nginxLog}${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 60_000);

  afterAll(async () => {
    for (const feed of feeds) feed.destroy();
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx?.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    for (const server of backends) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('sends requests to both processes in turn, over HTTP/1.1 connections it keeps open', async () => {
    seen.length = 0;
    const answers: string[] = [];
    for (let i = 0; i < 6; i += 1) answers.push((await request(httpsPort, { path: `/page-${i}` })).body);
    const names = answers.map((answer) => answer.split(' ')[0]);
    expect(names.filter((name) => name === 'one')).toHaveLength(3);
    expect(names.filter((name) => name === 'two')).toHaveLength(3);
    for (let i = 1; i < names.length; i += 1) expect(names[i]).not.toBe(names[i - 1]);
    for (const request of seen) {
      expect(request.httpVersion).toBe('1.1');
      expect(request.headers.connection).toBeUndefined();
    }
    // Six requests, three per process, each process's on fewer connections than requests: kept alive.
    for (const backend of ['one', 'two']) expect(new Set(seen.filter((r) => r.backend === backend).map((r) => r.socket)).size).toBeLessThan(3);
  });

  it('tells the process who the client is and how it came, so that TRUSTED_PROXIES=127.0.0.1 finds the client', async () => {
    seen.length = 0;
    await request(httpsPort, { path: '/who', headers: { 'x-forwarded-for': '203.0.113.66', forwarded: 'for=203.0.113.66' } });
    const [received] = seen;
    expect(received?.headers.host).toBe(HOST);
    expect(received?.headers['x-forwarded-host']).toBe(HOST);
    expect(received?.headers['x-forwarded-proto']).toBe('https');
    expect(received?.headers['x-forwarded-for']).toBe(`203.0.113.66, ${CLIENT_ADDRESS}`);
    expect(received?.headers.forwarded).toBeUndefined();
    // The app's own reading (server/http/front-door.ts): the address nginx saw, never what the client wrote.
    expect(received?.remoteAddress).toBe('127.0.0.1');
    expect(resolveClientAddress(received?.remoteAddress, received?.headers['x-forwarded-for'] as string, parseTrustedProxies('127.0.0.1,::1'))).toBe(CLIENT_ADDRESS);
  });

  it('passes an upload up to the app’s own limit, and refuses a larger one itself', async () => {
    seen.length = 0;
    const upload = await request(httpsPort, { path: '/upload', method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(11 * 1024 * 1024, 1) });
    expect(upload.status).toBe(200);
    expect(upload.body).toMatch(new RegExp(` ${11 * 1024 * 1024}$`));
    const tooLarge = await request(httpsPort, { path: '/upload', method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: Buffer.alloc(13 * 1024 * 1024, 1) });
    expect(tooLarge.status).toBe(413);
  }, 30_000);

  it('passes the realtime feed through event by event: unbuffered, uncompressed', async () => {
    feeds.length = 0;
    const received: { at: number; text: string }[] = [];
    const req = https.request({ host: '127.0.0.1', localAddress: CLIENT_ADDRESS, port: httpsPort, servername: HOST, path: FEED_PATH, headers: { host: HOST, accept: 'text/event-stream', 'accept-encoding': 'gzip' }, rejectUnauthorized: false, agent: false });
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      req.once('response', resolve);
      req.once('error', reject);
      req.end();
    });
    try {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBeUndefined();
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => received.push({ at: Date.now(), text: chunk }));
      const arrived = async (text: string) => {
        const deadline = Date.now() + 5_000;
        while (!received.map((r) => r.text).join('').includes(text)) {
          if (Date.now() > deadline) throw new Error(`"${text}" did not arrive while the stream stayed open; got ${JSON.stringify(received)}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return Date.now();
      };
      await arrived('data: first\n\n');
      expect(feeds).toHaveLength(1);
      const sent = Date.now();
      feeds[0]?.write('data: second\n\n');
      expect((await arrived('data: second\n\n')) - sent).toBeLessThan(2_000);
    } finally {
      response.destroy();
    }
  });
});
