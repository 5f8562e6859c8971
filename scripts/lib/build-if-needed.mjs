import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SOURCE_DIRS = ['app', 'server', 'db', 'templates', 'simulation', 'public', 'messages'];
const SOURCE_FILES = ['next.config.js', 'package.json', 'package-lock.json', 'tsconfig.json', 'postcss.config.mjs', 'instrumentation.ts'];
const STAMP = path.join(ROOT, '.next', 'dealer-desk-source-hash');

function* walk(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** A hash over every file the production build is made from. */
export function sourceHash() {
  const hash = createHash('sha256');
  const files = [...SOURCE_DIRS.flatMap((d) => [...walk(path.join(ROOT, d))]), ...SOURCE_FILES.map((f) => path.join(ROOT, f))];
  for (const file of files) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds unless .next holds a build of exactly the current sources; never serves a stale build. */
export function buildIfNeeded({ force = false } = {}) {
  const current = sourceHash();
  const built = fs.existsSync(STAMP) && fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')) ? fs.readFileSync(STAMP, 'utf8').trim() : null;
  if (!force && built === current) {
    console.log('[dealer-desk] the production build is up to date with the sources');
    return;
  }
  console.log(built ? '[dealer-desk] sources changed since the last build: building…' : '[dealer-desk] no production build yet: building…');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    console.error('[dealer-desk] next build failed');
    process.exit(result.status ?? 1);
  }
  fs.writeFileSync(STAMP, current);
}

export { ROOT };
