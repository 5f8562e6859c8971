// `npm test`: typecheck, lint, unit + integration tests (vitest on real SQLite files), then the
// browser tests (Playwright driving Debian's Chromium against the built app on a free port with
// its own temporary database). `--only e2e` runs just the browser tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildIfNeeded, ROOT } from './lib/build-if-needed.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const onlyE2e = process.argv.includes('--only') && process.argv.includes('e2e');
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);

function step(title, command, args, env = {}) {
  console.log(`\n[test] ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`[test] FAILED: ${title}`);
    process.exit(result.status ?? 1);
  }
  console.log(`[test] ok: ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const which = (tool) => spawnSync('which', [tool], { stdio: 'ignore' }).status === 0;

/** poppler-utils and qpdf check the PDF signatures independently; their tests skip without them. */
function ensurePdfTools() {
  const missing = [which('pdfsig') ? null : 'poppler-utils', which('qpdf') ? null : 'qpdf'].filter(Boolean);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    console.warn(`[test] ${missing.join(' and ')} missing: the independent PDF checks (pdfsig, qpdf, pdftotext) will be skipped. Install: sudo apt-get install -y ${missing.join(' ')}`);
    return;
  }
  console.log(`[test] installing ${missing.join(' and ')} with apt-get for the independent PDF checks`);
  step('apt-get update', 'apt-get', ['update']);
  step(`apt-get install ${missing.join(' ')}`, 'apt-get', ['install', '-y', '--no-install-recommends', ...missing], { DEBIAN_FRONTEND: 'noninteractive' });
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(
      `[test] Chromium is missing at ${CHROMIUM}. Install it (Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium)` +
        ' or set CHROMIUM_PATH to a Chromium binary. Browser tests are never skipped.',
    );
    process.exit(1);
  }
  console.log('[test] Chromium is missing: installing it with apt-get (apt-get update && apt-get install -y chromium)');
  step('apt-get update', 'apt-get', ['update']);
  step('apt-get install chromium', 'apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

if (!onlyE2e) {
  ensurePdfTools();
  step('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit']);
  step('lint (eslint)', bin('eslint'), ['.']);
  step('unit and integration tests (vitest)', bin('vitest'), ['run']);
}

ensureChromium();
console.log('\n[test] production build for the browser tests');
buildIfNeeded();
const port = await freePort();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-e2e-'));
try {
  step(`browser tests (Playwright, Chromium, port ${port}, DATA_DIR ${dataDir})`, bin('playwright'), ['test'], {
    E2E_PORT: String(port),
    E2E_DATA_DIR: dataDir,
    CHROMIUM_PATH: CHROMIUM,
  });
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log('\n[test] all test suites passed');
