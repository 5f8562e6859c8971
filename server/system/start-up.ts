import { count } from 'drizzle-orm';
import { first, withClusterLock, type Db } from '@/db/client';
import { databaseLabel, openDatabase } from '@/server/config/database';
import { users } from '@/db/schema';
import { dataDir } from '@/server/config/data-dir';
import { env, type Env } from '@/server/config/env';
import { logger } from '@/server/config/logger';
import { systemClock } from '@/server/context';
import { createUser } from '@/server/admin/create-user';
import { seedDemoData, type DemoHistorySeeder } from '@/server/seed/demo-data';
import { seedRequestCategories } from '@/server/seed/request-categories';
import { startChatServices } from '@/server/chat/start-chat-services';
import { startNotifications } from '@/server/notifications/start-notification-sender';
import { startEventBus } from '@/server/realtime/in-process-event-bus';
import { pdfPool } from '@/server/signing/pdf-pool';
import { getScheduler } from './timer-scheduler';

export interface StartUpOptions {
  /** The demo's simulated week (simulation/load-demo-history.ts), run when DEMO=on finds the database empty. */
  demoHistory?: DemoHistorySeeder;
}

/**
 * Opens and migrates the database, then fills an empty one: demo data by default, or with
 * DEMO=off only the first admin from ADMIN_EMAIL / ADMIN_PASSWORD (no default password exists).
 */
export async function startUp(options: StartUpOptions = {}): Promise<void> {
  const log = logger();
  const config = env();
  // Before anything touches the database: on PostgreSQL `getDb()` only works once this has opened it.
  const db = await openDatabase();
  log.info({ dataDir: dataDir(), database: databaseLabel() }, 'database ready (migrated)');
  // On PostgreSQL the bus listens before anything is published, so this process hears it all.
  const bus = await startEventBus();
  await fillEmptyDatabase(db, config, options);
  // The written requests' default categories (docs/requests.md), on every start: only the missing ones are added.
  await seedRequestCategories(db);
  await startChatServices({ db, actor: null, clock: systemClock, bus, scheduler: getScheduler() });
  startNotifications({ db, clock: systemClock });
  // The PDF workers start now (each compiles the document code and parses the seal once), not
  // on the first signing.
  pdfPool();
}

async function fillEmptyDatabase(db: Db, config: Env, options: StartUpOptions): Promise<void> {
  const log = logger();
  const isEmpty = async () => ((await first(db.select({ n: count() }).from(users)))?.n ?? 0) === 0;
  // Several processes starting at once on an empty database fill it once: the first to take the
  // cluster's seed lock fills it, the others find it filled when they get the lock.
  const fillOnce = (fill: () => Promise<void>) => withClusterLock(db, 'seed', async () => ((await isEmpty()) ? fill() : undefined));

  if (config.DEMO === 'on') {
    log.warn('*** DEMO MODE: demo accounts with the password demo12345 exist. Set DEMO=off for real use. ***');
    if (await isEmpty()) {
      await fillOnce(async () => {
        await seedDemoData({ db, clock: systemClock, history: options.demoHistory });
        log.warn('*** DEMO MODE: the empty database was filled with demo data ***');
      });
    }
    return;
  }

  log.info('*** PRODUCTION MODE (DEMO=off): no demo data, no default passwords ***');
  if (!(await isEmpty())) return;
  if (!config.ADMIN_EMAIL || !config.ADMIN_PASSWORD) {
    throw new Error('DEMO=off and the database is empty: set ADMIN_EMAIL and ADMIN_PASSWORD (10+ characters) to create the first admin.');
  }
  const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = config;
  await fillOnce(async () => {
    await createUser({
      ctx: { db, actor: null, clock: systemClock },
      input: { name: 'Administrator', email: email.toLowerCase(), password, role: 'admin' },
    });
    log.warn({ email }, 'created the first admin from ADMIN_EMAIL');
  });
}
