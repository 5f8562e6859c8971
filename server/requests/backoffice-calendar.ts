import { env } from '@/server/config/env';
import { parseBusinessCalendar, type BusinessCalendar } from '@/server/time/business-hours';

let cached: { key: string; calendar: BusinessCalendar } | undefined;

/** The back office's calendar, on which written requests' promised times run: BACKOFFICE_HOURS with the shared HOLIDAYS. */
export function backofficeCalendar(): BusinessCalendar {
  const { BACKOFFICE_HOURS, HOLIDAYS } = env();
  const key = `${BACKOFFICE_HOURS}|${HOLIDAYS}`;
  if (cached?.key !== key) cached = { key, calendar: parseBusinessCalendar(BACKOFFICE_HOURS, HOLIDAYS) };
  return cached.calendar;
}
