import type { TestProject } from 'vitest/node';
import { closeDb } from '@/db/client';
import { openPostgres } from '@/db/postgres';
import { postgresUnavailable, startPostgres, freezeTemplate } from './postgres';

/**
 * The PostgreSQL test project's global setup (vitest.config.ts): ONE throwaway cluster for the
 * whole run, and in it a template database migrated once from db/migrations-pg/ (through the
 * app's own `openPostgres`). Each `createTestDb()` (tests/helpers/test-db.ts) then copies the
 * template with `CREATE DATABASE … TEMPLATE …` and drops its copy at cleanup.
 */

/** The database every test database is copied from. */
export const TEMPLATE_DATABASE = 'dealer_desk_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cluster of the PostgreSQL test project: the superuser's URL of its `postgres` database, and the migrated template's name. */
    postgres: { adminUrl: string; template: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const reason = postgresUnavailable();
  if (reason) throw new Error(`The integration tests on PostgreSQL need PostgreSQL 15: ${reason}`);
  const started = Date.now();
  const cluster = await startPostgres();
  try {
    const templateUrl = await cluster.createDatabase(TEMPLATE_DATABASE);
    await closeDb(await openPostgres(templateUrl, { max: 2 }));
    await freezeTemplate(cluster.url, TEMPLATE_DATABASE);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  console.log(`[postgres] cluster on port ${cluster.port}, template migrated (${Date.now() - started} ms)`);
  project.provide('postgres', { adminUrl: cluster.url, template: TEMPLATE_DATABASE });
  return () => cluster.stop();
}
