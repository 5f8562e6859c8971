// npm run bench:pages — the JavaScript each page makes a first visit download, against a bare
// Next.js page. Builds the app if the sources changed and serves it through its front door
// (scripts/start.mjs) on a free port with a temporary DATA_DIR and the demo accounts; builds a bare
// Next.js app (one page, one client component, this repo's next/react) in a temporary directory and
// serves it with `next start`. Headless Chromium (/usr/bin/chromium) loads each page with the
// cache disabled; the JS bytes of a load are the compressed bytes on the wire (Chrome's
// encodedDataLength, response headers left out) of every script response until the page is
// hydrated and no script has arrived for a second. Median of BENCH_LOADS (3) loads per page.
// BENCH_VERBOSE=1 lists every script of every load. Last line:
// {"pages":{path:{"bytes","ratio"}},"baseline","maxRatio"}.

import { eq } from 'drizzle-orm';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';

import { closeDb, first, inTransaction, openDb } from '../db/client';
import { applications, chats, confirmationLinks } from '../db/schema';
// @ts-expect-error -- plain ESM helper shared with npm start
import { buildIfNeeded } from '../scripts/lib/build-if-needed.mjs';
import { freePort } from './lib/server';

const ROOT = path.resolve(import.meta.dirname, '..');
const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'demo12345';
const LINK_SECRET = 'bench-pages-link-secret-0123456789abcdef';

const log = (...args: unknown[]) => console.error('[bench:pages]', ...args);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

interface PagePlan {
  name: string;
  path: string;
  /** Demo account to sign in with, or none for a public page. */
  account: string | null;
  /** A test id the loaded page must show (that it is the page meant, not an error). */
  shows?: string;
}

async function waitUp(child: ChildProcess, url: string, what: string) {
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not start in time`);
    await sleep(300);
  }
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGINT');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** The app as `npm start` runs it: build if needed, then the front door on the production build. */
async function startApp(port: number, dataDir: string) {
  // Built first, so that the start-up wait below is only the start-up.
  (buildIfNeeded as () => void)();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEMO: 'on', LOG_LEVEL: 'warn', LINK_SECRET },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitUp(child, `http://127.0.0.1:${port}/api/health`, 'the app');
  return child;
}

const BARE_FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'bare-next-baseline', private: true, type: 'module' }, null, 2),
  // Turbopack follows the node_modules symlink to this repository: let its root span both.
  'next.config.mjs': `export default { poweredByHeader: false, turbopack: { root: '/' } };\n`,
  'app/layout.jsx': `export const metadata = { title: 'Bare' };\n\nexport default function RootLayout({ children }) {\n  return (\n    <html lang="en">\n      <body>{children}</body>\n    </html>\n  );\n}\n`,
  'app/page.jsx': `import { Counter } from './counter';\n\nexport default function Page() {\n  return (\n    <main>\n      <h1>Bare Next.js page</h1>\n      <Counter />\n    </main>\n  );\n}\n`,
  'app/counter.jsx': `'use client';\n\nimport { useEffect, useState } from 'react';\n\nexport function Counter() {\n  const [count, setCount] = useState(0);\n  useEffect(() => {\n    document.body.dataset.hydrated = 'true';\n  }, []);\n  return (\n    <button type="button" onClick={() => setCount((c) => c + 1)}>\n      Clicked {count} times\n    </button>\n  );\n}\n`,
};

/** A bare Next.js 16 app with this repository's next, react and react-dom, built and started. */
async function startBare(port: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-bench-bare-'));
  for (const [file, text] of Object.entries(BARE_FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const nextBin = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
  log(`building the bare Next.js page in ${dir}`);
  const built = spawnSync(process.execPath, [nextBin, 'build'], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('the bare Next.js build failed');
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], { cwd: dir, env, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitUp(child, `http://127.0.0.1:${port}/`, 'the bare Next.js page');
  return { child, dir };
}

/**
 * A live subscriber link (/s/<token>) made the way the app makes them (server/notifications/link-token.ts,
 * with the bench's LINK_SECRET), to a submitted SIM replacement written into one of the demo chats.
 */
async function subscriberLink(dataDir: string, base: string): Promise<string | null> {
  const db = openDb(path.join(dataDir, 'dealer-desk.sqlite'));
  try {
    const chat = await first(db.select().from(chats).where(eq(chats.class, 'dealer')).limit(1));
    const dealerId = chat?.dealerId;
    const createdBy = chat?.dealerUserId;
    if (!chat || !dealerId || !createdBy) return null;
    const now = new Date();
    const applicationId = randomUUID();
    const linkId = randomUUID();
    const token = createHmac('sha256', LINK_SECRET).update(`confirmation-link:${linkId}`).digest().subarray(0, 24).toString('base64url');
    await inTransaction(db, async (tx) => {
      await tx
        .insert(applications)
        .values({
          id: applicationId,
          number: `DD-BENCH-${Date.now() % 1_000_000}`,
          chatId: chat.id,
          dealerId,
          pointOfSaleId: chat.pointOfSaleId,
          createdBy,
          templateId: 'sim-replacement',
          templateVersion: 1,
          status: 'submitted',
          applicationDate: now.toISOString().slice(0, 10),
          formData: {},
          sensitive: true,
          submittedAt: now,
          submittedBy: chat.dealerUserId,
          updatedAt: now,
        });
      await tx
        .insert(confirmationLinks)
        .values({ id: linkId, applicationId, tokenHash: createHash('sha256').update(token).digest('hex'), linkBase: base, expiresAt: new Date(now.getTime() + 24 * 3600_000), createdAt: now });
    });
    return `/s/${token}`;
  } finally {
    await closeDb(db);
  }
}

/**
 * One load with the cache off: the compressed bytes of the JavaScript received until the page is
 * hydrated and no script has arrived for a second.
 */
async function jsBytes(context: BrowserContext, url: string, shows?: string): Promise<{ bytes: number; files: number; uncompressed: string[] }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const scripts = new Map<string, { url: string; headers: number; encoding: string }>();
  let bytes = 0;
  let files = 0;
  let last = Date.now();
  const uncompressed: string[] = [];
  cdp.on('Network.responseReceived', (event) => {
    const { response, type, requestId } = event;
    if (type !== 'Script' && !/javascript/.test(response.mimeType)) return;
    const encoding = String(Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? '');
    scripts.set(requestId, { url: response.url, headers: response.encodedDataLength, encoding });
    last = Date.now();
  });
  cdp.on('Network.loadingFinished', (event) => {
    const script = scripts.get(event.requestId);
    if (!script) return;
    bytes += event.encodedDataLength - script.headers;
    files += 1;
    if (process.env.BENCH_VERBOSE) log(`  ${event.encodedDataLength - script.headers}\t${script.url}`);
    // Next.js (the compression package) leaves bodies under 1 KB as they are.
    if (!script.encoding && event.encodedDataLength - script.headers > 1024) uncompressed.push(script.url);
    last = Date.now();
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || response.status() >= 400) throw new Error(`${url}: HTTP ${response?.status()}`);
  if (new URL(page.url()).pathname !== new URL(url).pathname) throw new Error(`${url}: ended on ${page.url()}`);
  await page.locator('body[data-hydrated="true"]').waitFor({ timeout: 60_000 });
  if (shows) await page.getByTestId(shows).first().waitFor({ timeout: 30_000 });
  while (Date.now() - last < 1000 || files < scripts.size) await sleep(100);
  await page.close();
  return { bytes, files, uncompressed };
}

async function signedIn(browser: Browser, base: string, account: string | null) {
  const context = await browser.newContext({ baseURL: base, locale: 'uk-UA' });
  // Through the sign-in endpoint, as the form does; the session cookie lands in the context.
  for (let attempt = 1; account; attempt += 1) {
    try {
      const response = await context.request.post('/api/auth/sign-in/email', { data: { email: account, password: PASSWORD }, headers: { origin: base } });
      if (!response.ok()) throw new Error(`sign-in ${account}: HTTP ${response.status()}`);
      break;
    } catch (error) {
      // A reused connection the server has just closed (ECONNRESET): once more.
      if (attempt >= 3) throw error;
      await sleep(500);
    }
  }
  return context;
}

async function measure(browser: Browser, base: string, plan: PagePlan) {
  const context = await signedIn(browser, base, plan.account);
  const runs: number[] = [];
  let files = 0;
  try {
    for (let i = 0; i < LOADS; i += 1) {
      const result = await jsBytes(context, `${base}${plan.path}`, plan.shows);
      if (result.uncompressed.length > 0) throw new Error(`${plan.path}: scripts served uncompressed: ${result.uncompressed.join(', ')}`);
      runs.push(result.bytes);
      files = result.files;
    }
  } finally {
    await context.close();
  }
  return { bytes: Math.round(median(runs)), files, runs };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-bench-pages-'));
  const [appPort, barePort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${appPort}`;
  log(`starting the app on ${base} (DATA_DIR=${dataDir})`);
  const app = await startApp(appPort, dataDir);
  let bare: Awaited<ReturnType<typeof startBare>> | null = null;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
  try {
    const link = await subscriberLink(dataDir, base);
    const plans: PagePlan[] = [
      { name: '/sign-in', path: '/sign-in', account: null },
      { name: '/verify', path: '/verify', account: null },
      ...(link ? [{ name: '/s/[token]', path: link, account: null, shows: 'subscriber-view' }] : []),
      { name: '/dealer', path: '/dealer', account: 'dealer@demo.local', shows: 'workspace-title' },
      { name: '/operator', path: '/operator', account: 'operator@demo.local', shows: 'workspace-title' },
      { name: '/backoffice', path: '/backoffice', account: 'backoffice@demo.local', shows: 'workspace-title' },
      { name: '/admin/dashboard', path: '/admin/dashboard', account: 'admin@demo.local', shows: 'chart-by-day' },
    ];
    if (!link) log('no application in the demo data: /s/[token] left out');
    const results: Record<string, { bytes: number; files: number; runs: number[] }> = {};
    for (const plan of plans) {
      results[plan.name] = await measure(browser, base, plan);
      log(`${plan.name}: ${results[plan.name]?.runs.join(', ')} bytes`);
    }
    await stop(app);

    const port = barePort;
    bare = await startBare(port);
    const baseline = await measure(browser, `http://127.0.0.1:${port}`, { name: 'bare', path: '/', account: null });
    log(`bare Next.js page: ${baseline.runs.join(', ')} bytes`);

    const pages: Record<string, { bytes: number; ratio: number }> = {};
    console.log(`\n| page | JS files | JS bytes (compressed) | × bare Next.js |\n|---|---|---|---|`);
    console.log(`| bare Next.js page | ${baseline.files} | ${kb(baseline.bytes)} | 1.00 |`);
    for (const [name, result] of Object.entries(results)) {
      const ratio = Math.round((result.bytes / baseline.bytes) * 100) / 100;
      pages[name] = { bytes: result.bytes, ratio };
      console.log(`| ${name} | ${result.files} | ${kb(result.bytes)} | ${ratio.toFixed(2)} |`);
    }
    const maxRatio = Math.max(...Object.values(pages).map((p) => p.ratio));
    console.log(JSON.stringify({ pages, baseline: baseline.bytes, maxRatio }));
  } finally {
    await browser.close();
    await stop(app);
    if (bare) {
      await stop(bare.child);
      fs.rmSync(bare.dir, { recursive: true, force: true });
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
