import { kyivDate, kyivDayStart, nextDay } from './kyiv';

/**
 * The subscriber service's calendar, in Kyiv time: opening hours per weekday and holidays (from
 * BUSINESS_HOURS and HOLIDAYS, docs/widget.md). Free of the app: the widget asks whether the chat
 * is open, and the back office's written requests can run their SLA clock on the same calendar
 * (`businessMillisBetween`). Local times become instants through Intl (server/time/kyiv.ts), so the
 * summer-time changes are right: a day of the change is 23 or 25 hours long.
 */
export interface BusinessCalendar {
  /** ISO weekday 1 (Monday) … 7 (Sunday) → opening intervals, minutes since local midnight [from, to). */
  week: ReadonlyMap<number, readonly { from: number; to: number }[]>;
  /** Closed days, 'YYYY-MM-DD' (Kyiv). */
  holidays: ReadonlySet<string>;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export class BusinessHoursError extends Error {
  override name = 'BusinessHoursError';
}

/** 'HH:MM' → minutes; '24:00' is the end of the day. */
function minutesOf(text: string): number {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) throw new BusinessHoursError(`"${text}" is not a time HH:MM`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 24 * 60) throw new BusinessHoursError(`"${text}" is after 24:00`);
  return minutes;
}

/** 'mon-fri', 'sat,sun', 'mon-wed,fri' → ISO weekdays. */
function weekdaysOf(text: string): number[] {
  const days: number[] = [];
  for (const part of text.split(',')) {
    const [from, to = from] = part.split('-').map((name) => DAY_NAMES.indexOf(name.trim() as (typeof DAY_NAMES)[number]) + 1);
    if (!from || !to) throw new BusinessHoursError(`"${part}" is not a day or range of days (mon … sun)`);
    for (let day = from; ; day = (day % 7) + 1) {
      days.push(day);
      if (day === to) break;
    }
  }
  return days;
}

/**
 * 'mon-fri 08:00-20:00; sat-sun 09:00-18:00' (several intervals a day: 'mon 08:00-12:00,13:00-17:00';
 * a day not named is closed; 'sun closed' says so) and 'YYYY-MM-DD,…' holidays → a calendar.
 * A later part overrides an earlier one for the days it names.
 */
export function parseBusinessCalendar(hours: string, holidays = ''): BusinessCalendar {
  const week = new Map<number, { from: number; to: number }[]>();
  for (const part of hours.toLowerCase().split(';').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z,\s-]+?)\s+(closed|[\d:,\s-]+)$/.exec(part);
    if (!match?.[1] || !match[2]) throw new BusinessHoursError(`"${part}" is not "days HH:MM-HH:MM"`);
    const intervals =
      match[2] === 'closed'
        ? []
        : match[2].split(',').map((range) => {
            const [from, to] = range.trim().split('-');
            if (!from || !to) throw new BusinessHoursError(`"${range}" is not HH:MM-HH:MM`);
            const interval = { from: minutesOf(from), to: minutesOf(to) };
            if (interval.from >= interval.to) throw new BusinessHoursError(`"${range}" ends before it starts`);
            return interval;
          });
    for (const day of weekdaysOf(match[1].replace(/\s/g, ''))) week.set(day, intervals.sort((a, b) => a.from - b.from));
  }
  const closed = new Set<string>();
  for (const day of holidays.split(',').map((d) => d.trim()).filter(Boolean)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new BusinessHoursError(`"${day}" is not a date YYYY-MM-DD`);
    closed.add(day);
  }
  return { week, holidays: closed };
}

/** The ISO weekday (1 = Monday) of a 'YYYY-MM-DD' day. */
export function weekdayOf(day: string): number {
  const sunday0 = new Date(`${day}T12:00:00Z`).getUTCDay();
  return sunday0 === 0 ? 7 : sunday0;
}

/**
 * A Kyiv wall-clock time of a day as an instant: the day's midnight plus the minutes, corrected by
 * the change of the UTC offset during the day (a time in the hour skipped in spring is the instant
 * an hour later, as clocks show it; one of the hour repeated in autumn, its first occurrence).
 */
export function kyivTime(day: string, minutes: number): Date {
  if (minutes >= 24 * 60) return kyivDayStart(nextDay(day));
  const midnight = kyivDayStart(day);
  const naive = new Date(midnight.getTime() + minutes * 60_000);
  const offsetAt = (at: Date) => Date.parse(`${kyivDate(at)}T${localClock(at)}:00Z`) - at.getTime();
  const shifted = new Date(naive.getTime() - (offsetAt(naive) - offsetAt(midnight)));
  const wanted = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  // A time the clocks skip (spring): the shifted instant reads an hour earlier; the naive one, an hour later.
  return localClock(shifted) === wanted ? shifted : naive;
}

const clockFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Kyiv', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const localClock = (at: Date) => clockFormat.format(at);

/** A day's opening intervals as instants (none on a holiday). */
export function openIntervalsOn(calendar: BusinessCalendar, day: string): { start: Date; end: Date }[] {
  if (calendar.holidays.has(day)) return [];
  return (calendar.week.get(weekdayOf(day)) ?? []).map(({ from, to }) => ({ start: kyivTime(day, from), end: kyivTime(day, to) }));
}

/** The opening interval that `at` is in, or null. */
export function openIntervalAt(calendar: BusinessCalendar, at: Date): { start: Date; end: Date } | null {
  const today = kyivDate(at);
  const yesterday = kyivDate(new Date(kyivDayStart(today).getTime() - 12 * 3600_000));
  for (const day of [yesterday, today]) {
    for (const interval of openIntervalsOn(calendar, day)) if (interval.start <= at && at < interval.end) return interval;
  }
  return null;
}

export function isOpen(calendar: BusinessCalendar, at: Date): boolean {
  return openIntervalAt(calendar, at) !== null;
}

/** `at` itself when open; else the start of the next opening within a year and a half; null when there is none. */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date | null {
  if (isOpen(calendar, at)) return at;
  let day = kyivDate(at);
  for (let i = 0; i < 550; i += 1, day = nextDay(day)) {
    for (const { start } of openIntervalsOn(calendar, day)) if (start > at) return start;
  }
  return null;
}

/** The open time between two instants, in milliseconds (0 when b ≤ a): an SLA clock that stops outside the hours. */
export function businessMillisBetween(calendar: BusinessCalendar, a: Date, b: Date): number {
  if (b <= a) return 0;
  let total = 0;
  const last = kyivDate(b);
  for (let day = kyivDate(a); day <= last; day = nextDay(day)) {
    for (const { start, end } of openIntervalsOn(calendar, day)) {
      const from = Math.max(start.getTime(), a.getTime());
      const to = Math.min(end.getTime(), b.getTime());
      if (to > from) total += to - from;
    }
  }
  return total;
}

/** The weekly hours as a list (for the widget to show). */
export function weeklyHours(calendar: BusinessCalendar): { weekday: number; opens: string; closes: string }[] {
  const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return [...calendar.week.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([weekday, intervals]) => intervals.map(({ from, to }) => ({ weekday, opens: hhmm(from), closes: hhmm(to) })));
}

/**
 * The instant `ms` business milliseconds of open time after `from` (an SLA target): the clock
 * runs only inside the opening intervals, skipping nights, closed days and holidays; DST-safe as
 * the intervals are instants. `from` itself when ms ≤ 0; null when the calendar has no opening
 * within a year and a half.
 */
export function addBusinessMillis(calendar: BusinessCalendar, from: Date, ms: number): Date | null {
  if (ms <= 0) return from;
  let left = ms;
  let day = kyivDate(new Date(from.getTime() - 24 * 3600_000));
  for (let i = 0; i < 552; i += 1, day = nextDay(day)) {
    for (const { start, end } of openIntervalsOn(calendar, day)) {
      const begin = Math.max(start.getTime(), from.getTime());
      if (end.getTime() <= begin) continue;
      const open = end.getTime() - begin;
      if (open >= left) return new Date(begin + left);
      left -= open;
    }
  }
  return null;
}

/** The instant `ms` business milliseconds of open time before `to` (when a target's last quarter begins); `to` when ms ≤ 0; null when none within a year and a half. */
export function subtractBusinessMillis(calendar: BusinessCalendar, to: Date, ms: number): Date | null {
  if (ms <= 0) return to;
  let left = ms;
  let day = kyivDate(new Date(to.getTime() + 24 * 3600_000));
  for (let i = 0; i < 552; i += 1, day = previousDay(day)) {
    for (const { start, end } of [...openIntervalsOn(calendar, day)].reverse()) {
      const finish = Math.min(end.getTime(), to.getTime());
      if (finish <= start.getTime()) continue;
      const open = finish - start.getTime();
      if (open >= left) return new Date(finish - left);
      left -= open;
    }
  }
  return null;
}

function previousDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
