import { defineConfig, devices } from '@playwright/test';
import { E2E_PORTAL_TOKEN_SECRET, widgetSiteOrigins } from './e2e/widget-site';

// scripts/test.mjs picks a free port and a temporary DATA_DIR and passes them here, so the
// browser tests run against the built app with a database of their own.
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_DATA_DIR ?? '.tmp/e2e-data';
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'uk-UA',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'tablet', use: { ...devices['Galaxy Tab S4'], browserName: 'chromium' } },
  ],
  webServer: {
    command: 'node scripts/start.mjs',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO: 'on',
      LOG_LEVEL: 'warn',
      // e2e/widget.spec.ts embeds the widget from these "other sites" and signs portal tokens with this key.
      WIDGET_ORIGINS: widgetSiteOrigins(port),
      PORTAL_TOKEN_SECRET: E2E_PORTAL_TOKEN_SECRET,
      // The subscriber chat is open round the clock in the tests, whenever they run.
      BUSINESS_HOURS: 'mon-sun 00:00-24:00',
    },
  },
});
