import { openIntervalsOn, type BusinessCalendar } from '@/server/time/business-hours';
import { kyivDate } from '@/server/time/kyiv';

const DAY_MS = 86_400_000;
const indexOf = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (index: number) => new Date(index * DAY_MS).toISOString().slice(0, 10);

/**
 * `businessMillisBetween` (server/time/business-hours.ts) for many pairs at once: each day's
 * opening intervals are computed once, and the whole days between two instants are summed from a
 * running total, so a request open for months costs as much as one open for an hour. The figures
 * of thousands of requests use one clock (tests/unit/business-clock.test.ts holds it to the original).
 */
export function businessClock(calendar: BusinessCalendar) {
  const intervals = new Map<number, { start: number; end: number }[]>();
  const intervalsOf = (index: number) => {
    let found = intervals.get(index);
    if (!found) {
      found = openIntervalsOn(calendar, dayOf(index)).map(({ start, end }) => ({ start: start.getTime(), end: end.getTime() }));
      intervals.set(index, found);
    }
    return found;
  };
  // totals[i] = open time of the days anchor … anchor + i − 1.
  let anchor = Number.NaN;
  let totals: number[] = [0];
  const before = (index: number): number => {
    if (Number.isNaN(anchor) || index < anchor) {
      anchor = index;
      totals = [0];
    }
    for (let i = totals.length; i <= index - anchor; i += 1) totals.push((totals[i - 1] ?? 0) + intervalsOf(anchor + i - 1).reduce((s, x) => s + x.end - x.start, 0));
    return totals[index - anchor] ?? 0;
  };
  const within = (index: number, from: number, to: number) => {
    let total = 0;
    for (const { start, end } of intervalsOf(index)) {
      const a = Math.max(start, from);
      const b = Math.min(end, to);
      if (b > a) total += b - a;
    }
    return total;
  };
  return {
    /** Open milliseconds between two instants (0 when b ≤ a). */
    between(a: Date, b: Date): number {
      if (b <= a) return 0;
      const first = indexOf(kyivDate(a));
      const last = indexOf(kyivDate(b));
      if (first === last) return within(first, a.getTime(), b.getTime());
      // The earlier day first: it may move the anchor back (and restart the running total).
      const fromTotal = before(first + 1);
      const toTotal = before(last);
      return within(first, a.getTime(), Number.POSITIVE_INFINITY) + (toTotal - fromTotal) + within(last, Number.NEGATIVE_INFINITY, b.getTime());
    },
  };
}
export type BusinessClock = ReturnType<typeof businessClock>;
