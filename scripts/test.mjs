// `npm test`: typecheck, lint, unit + integration tests (vitest on real SQLite files), the
// integration tests again on PostgreSQL 15 (a throwaway cluster; skipped, loudly, where
// PostgreSQL is not installed, never in CI), then the browser tests (Playwright driving Debian's
// Chromium against the built app on a free port with its own temporary database). `--only e2e`
// runs just the browser tests.
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

/**
 * Why the PostgreSQL half cannot run here, or null: tests/helpers/postgres.ts's own check
 * (PostgreSQL 15's binaries, and as root a `postgres` user to own the cluster).
 */
function postgresUnavailable() {
  const check = "import { postgresUnavailable } from './tests/helpers/postgres.ts'; process.stdout.write(postgresUnavailable() ?? '');";
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', check], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DEALER_DESK_REQUIRE_POSTGRES: '' },
  });
  if (result.status !== 0) {
    console.error(`[test] FAILED: could not check for PostgreSQL: ${result.stderr || result.error}`);
    process.exit(1);
  }
  return result.stdout.trim() || null;
}

const POSTGRES_HOW_TO = 'To run them: apt-get install -y postgresql-15 (Debian\'s PostgreSQL 15, as root; or PG_BIN=<folder with initdb>), then npm test (or npm run test:postgres).';
let postgresSkipped = null;

if (!onlyE2e) {
  ensurePdfTools();
  step('typecheck (tsc --noEmit)', bin('tsc'), ['--noEmit']);
  step('lint (eslint)', bin('eslint'), ['.']);
  step('unit and integration tests on SQLite (vitest)', bin('vitest'), ['run'], { DEALER_DESK_TEST_DB: 'sqlite' });
  const unavailable = postgresUnavailable();
  if (!unavailable) {
    step('integration tests on PostgreSQL 15 (vitest, DEALER_DESK_TEST_DB=postgres)', bin('vitest'), ['run'], { DEALER_DESK_TEST_DB: 'postgres' });
  } else if (process.env.DEALER_DESK_REQUIRE_POSTGRES === '1') {
    console.error(`\n[test] FAILED: integration tests on PostgreSQL: ${unavailable}. DEALER_DESK_REQUIRE_POSTGRES=1 (CI): they are never skipped. ${POSTGRES_HOW_TO}`);
    process.exit(1);
  } else {
    postgresSkipped = unavailable;
    console.warn(`\n[test] SKIPPED: integration tests on PostgreSQL: ${unavailable}.\n[test] ${POSTGRES_HOW_TO}`);
  }
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
if (postgresSkipped) console.warn(`\n[test] all test suites passed EXCEPT the integration tests on PostgreSQL, which were SKIPPED: ${postgresSkipped}.\n[test] ${POSTGRES_HOW_TO}`);
else console.log('\n[test] all test suites passed');
