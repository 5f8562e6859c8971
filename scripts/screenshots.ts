// `npm run screenshots`: pictures of every workspace at the two tablet sizes (768×1024 portrait,
// 1024×768 landscape) into docs/screens/, for the README. Builds the app if the sources changed,
// then Playwright (scripts/screenshots/) starts it on a free port with a temporary DATA_DIR and
// demo data, walks a SIM replacement through the real pages — chat, application, verification,
// signatures, submission, the subscriber's link — and photographs each role's pages on the way.
// Chromium: CHROMIUM_PATH, default /usr/bin/chromium. Exits non-zero, naming them, when some
// pictures could not be taken; the others are still written.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`[screenshots] Chromium is missing at ${chromium}. Install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// Build first, in the open, so the server's start below is quick and a failed build says so plainly.
if (run(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')]) !== 0) process.exit(1);

const port = process.env.SCREENSHOTS_PORT ? Number(process.env.SCREENSHOTS_PORT) : await freePort();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-screens-'));
console.log(`[screenshots] app on port ${port}, DATA_DIR ${dataDir}, pictures into docs/screens/`);
let status: number;
try {
  status = run(path.join(ROOT, 'node_modules', '.bin', 'playwright'), ['test', '--config', path.join('scripts', 'screenshots', 'playwright.config.ts')], {
    SCREENSHOTS_PORT: String(port),
    SCREENSHOTS_DATA_DIR: dataDir,
    CHROMIUM_PATH: chromium,
  });
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(status === 0 ? '[screenshots] done: docs/screens/' : '[screenshots] some pictures could not be taken (see above); the others are in docs/screens/');
process.exit(status);
