import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Used by scripts/screenshots.ts (npm run screenshots), which picks the port and DATA_DIR.
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const port = Number(process.env.SCREENSHOTS_PORT ?? 3190);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: 'workspaces.spec.ts',
  outputDir: path.join(ROOT, '.tmp', 'screenshots-results'),
  workers: 1,
  retries: 0,
  // One walk through the whole cycle plus about thirty pictures on a machine that may be busy.
  timeout: 15 * 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'uk-UA',
    timezoneId: 'Europe/Kyiv',
    viewport: { width: 1024, height: 768 },
    deviceScaleFactor: 1,
    hasTouch: true,
    reducedMotion: 'reduce',
    actionTimeout: 20_000,
    navigationTimeout: 60_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--hide-scrollbars'],
    },
  },
  webServer: {
    command: 'node scripts/start.mjs',
    cwd: ROOT,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 15 * 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORT: String(port), DATA_DIR: process.env.SCREENSHOTS_DATA_DIR ?? path.join(ROOT, '.tmp', 'screenshots-data'), DEMO: 'on', LOG_LEVEL: 'warn' },
  },
});
