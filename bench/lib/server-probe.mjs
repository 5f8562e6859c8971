// Preloaded into the app's server by a benchmark (node --import). The first SIGUSR2 opens the
// measured window, the second closes it: the event-loop delay over the window is written as JSON
// to BENCH_PROBE_FILE, and with BENCH_PROFILE_DIR a CPU profile of just the window is written there.
// SIGWINCH writes the process's memory (process.memoryUsage(), after a full collection when node
// runs with --expose-gc) to BENCH_PROBE_FILE + '.memory'.
import fs from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const profileDir = process.env.BENCH_PROFILE_DIR;
const probeFile = process.env.BENCH_PROBE_FILE;
const delay = monitorEventLoopDelay({ resolution: 10 });
const session = profileDir ? new Session() : null;
session?.connect();
let open = false;

process.on('SIGUSR2', () => {
  if (!open) {
    open = true;
    delay.reset();
    delay.enable();
    session?.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  open = false;
  delay.disable();
  if (probeFile) {
    const ms = (ns) => Math.round((ns / 1e6) * 100) / 100;
    fs.writeFileSync(probeFile, JSON.stringify({ loop_delay_p50_ms: ms(delay.percentile(50)), loop_delay_p99_ms: ms(delay.percentile(99)), loop_delay_max_ms: ms(delay.max) }));
  }
  session?.post('Profiler.stop', (error, result) => {
    if (error || !profileDir) return;
    fs.mkdirSync(profileDir, { recursive: true });
    fs.writeFileSync(path.join(profileDir, `window-${process.pid}-${Date.now()}.cpuprofile`), JSON.stringify(result.profile));
  });
});

process.on('SIGWINCH', () => {
  if (!probeFile) return;
  globalThis.gc?.();
  // Whole or not at all: the bench reads it as soon as it is there.
  fs.writeFileSync(`${probeFile}.memory.tmp`, JSON.stringify(process.memoryUsage()));
  fs.renameSync(`${probeFile}.memory.tmp`, `${probeFile}.memory`);
});
