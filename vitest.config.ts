import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two test projects, one per run, chosen by DEALER_DESK_TEST_DB:
 * - `sqlite` (unset, the default): unit and integration tests on temporary SQLite files;
 * - `postgres` (`DEALER_DESK_TEST_DB=postgres`, `npm run test:postgres`): the integration tests
 *   again, each test database a copy of one template on one throwaway PostgreSQL 15 cluster per
 *   run (tests/helpers/postgres-global-setup.ts). `npm test` runs both, in that order.
 */
const backend = process.env.DEALER_DESK_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // Anything a test writes without its own DATA_DIR goes to a temporary folder, never ./data.
    env: { LOG_LEVEL: 'silent', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'dealer-desk-vitest-')), DEALER_DESK_TEST_DB: backend },
    projects: [
      backend === 'postgres'
        ? {
            extends: true,
            test: {
              name: 'postgres',
              include: ['tests/integration/**/*.test.ts'],
              // These start a cluster of their own (the schema against the migrations, the event bus
              // between two pools, two app processes) or run nginx: the SQLite run has them, once.
              exclude: [
                ...configDefaults.exclude,
                'tests/integration/postgres-schema.test.ts',
                'tests/integration/postgres-event-bus.test.ts',
                'tests/integration/two-processes.test.ts',
                'tests/integration/nginx-config.test.ts',
                // The simulator runs in virtual time on a SQLite file of its own.
                'tests/integration/simulation.test.ts',
                'tests/integration/simulation-classes.test.ts',
              ],
              globalSetup: ['tests/helpers/postgres-global-setup.ts'],
              setupFiles: ['tests/helpers/postgres-setup-file.ts'],
              hookTimeout: 60_000,
            },
          }
        : { extends: true, test: { name: 'sqlite', include: ['tests/**/*.test.ts'] } },
    ],
  },
});
