import { sql } from 'drizzle-orm';
import { rawRows } from '@/db/client';
import { getDb } from '@/server/config/database';
import { logger } from '@/server/config/logger';
import packageJson from '@/package.json';

export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  database: 'ok' | 'unreachable';
  time: string;
}

/** The database answers a query, and which version of the app is running. */
export async function checkHealth(): Promise<Health> {
  let database: Health['database'] = 'ok';
  try {
    await rawRows(getDb(), sql`select 1`);
  } catch (error) {
    logger().error({ err: error }, 'health check: database unreachable');
    database = 'unreachable';
  }
  return { status: database === 'ok' ? 'ok' : 'degraded', version: packageJson.version, database, time: new Date().toISOString() };
}
