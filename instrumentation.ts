/** Runs once when the server starts: migrate, seed demo data or the first admin, and say which mode. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startUp } = await import('./server/system/start-up');
  await startUp();
}
