/**
 * Runs once when Next.js starts. Served through scripts/serve.ts (npm start, npm run dev), the
 * server has already migrated, seeded and started the services; only a bare `next start` needs them here.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.DEALER_DESK_SERVER === 'front-door') return;
  const [{ openDatabase }, { startUp }, { demoHistory }] = await Promise.all([import('./server/config/database'), import('./server/system/start-up'), import('./simulation/load-demo-history')]);
  await openDatabase();
  await startUp({ demoHistory });
}
