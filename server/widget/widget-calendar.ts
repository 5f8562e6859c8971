import { env } from '@/server/config/env';
import { parseBusinessCalendar, type BusinessCalendar } from '@/server/time/business-hours';

let cached: { key: string; calendar: BusinessCalendar } | undefined;

/** The subscriber service's calendar from BUSINESS_HOURS and HOLIDAYS (validated at start-up by env.ts). */
export function widgetCalendar(): BusinessCalendar {
  const { BUSINESS_HOURS, HOLIDAYS } = env();
  const key = `${BUSINESS_HOURS}|${HOLIDAYS}`;
  if (cached?.key !== key) cached = { key, calendar: parseBusinessCalendar(BUSINESS_HOURS, HOLIDAYS) };
  return cached.calendar;
}
