import type { DemoHistorySeeder } from '@/server/seed/demo-data';

/**
 * The demo's simulated week, loaded only when an empty demo database needs it: the simulator
 * brings every router with it, which the server's start-up otherwise never loads.
 */
export const demoHistory: DemoHistorySeeder = async (deps) => (await import('./demo-history')).seedDemoHistory(deps);
