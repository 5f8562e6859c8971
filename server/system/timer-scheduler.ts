import { logger } from '@/server/config/logger';
import type { Scheduler } from '@/server/context';

/** setTimeout per key; scheduling a key again replaces its timer. */
export class TimerScheduler implements Scheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  at(when: Date, key: string, task: () => unknown): void {
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    const delay = Math.max(0, when.getTime() - Date.now());
    const timer = setTimeout(() => {
      this.timers.delete(key);
      Promise.resolve()
        .then(task)
        .catch((error: unknown) => logger().error({ err: error, key }, 'scheduled task failed'));
    }, delay);
    timer.unref();
    this.timers.set(key, timer);
  }
}

let singleton: TimerScheduler | undefined;

export function getScheduler(): TimerScheduler {
  singleton ??= new TimerScheduler();
  return singleton;
}
