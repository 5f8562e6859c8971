import { spawn } from 'node:child_process';
import path from 'node:path';
// @ts-expect-error -- plain ESM helper shared with npm start
import { buildIfNeeded } from '../../scripts/lib/build-if-needed.mjs';
import { freePort } from '../../tests/helpers/free-port';

export { freePort };

const ROOT = path.resolve(import.meta.dirname, '..', '..');


/**
 * Builds if the sources changed, then starts the production server (scripts/serve.ts, as npm start
 * does) on its own port and DATA_DIR.
 * BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server.
 */
export async function startServer({ port, dataDir, env = {}, nodeArgs: extraArgs = [] }: { port: number; dataDir: string; env?: Record<string, string>; nodeArgs?: string[] }) {
  (buildIfNeeded as () => void)();
  const nodeArgs = [...extraArgs, ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(ROOT, 'scripts', 'serve.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), DATA_DIR: dataDir, DEMO: 'on', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('the app did not start in time');
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    pid: child.pid ?? 0,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGINT');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? 0;
}
