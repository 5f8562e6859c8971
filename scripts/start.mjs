// `npm start`: build if the sources changed, then serve the production build through the app's
// front door (scripts/serve.ts). The server itself migrates the database and seeds demo data on
// start (instrumentation.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded, ROOT } from './lib/build-if-needed.mjs';

buildIfNeeded();
const port = process.env.PORT || '3000';
console.log(`[dealer-desk] starting on http://localhost:${port} (DATA_DIR=${path.resolve(process.env.DATA_DIR || 'data')})`);
const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'serve.ts')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, PORT: port, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
