/** Days and hours as they are in Ukraine (Europe/Kyiv: UTC+2, or UTC+3 in summer). */

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' });
const dayHourFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });

/** The Kyiv day of an instant, `YYYY-MM-DD`. */
export const kyivDate = (at: Date): string => dayFormat.format(at);

/** The Kyiv hour of an instant, 0–23. */
export const kyivHour = (at: Date): number => Number(dayHourFormat.format(at).slice(-2));

/** Kyiv midnight of a `YYYY-MM-DD` day, as an instant. */
export function kyivDayStart(day: string): Date {
  for (const hours of [2, 3]) {
    const candidate = new Date(Date.parse(`${day}T00:00:00Z`) - hours * 3600_000);
    if (dayHourFormat.format(candidate) === `${day}, 00`) return candidate;
  }
  return new Date(Date.parse(`${day}T00:00:00Z`) - 2 * 3600_000);
}

/** The calendar day after `day`. */
export const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Every day from `from` to `to`, inclusive. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = nextDay(day)) days.push(day);
  return days;
}
