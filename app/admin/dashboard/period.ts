/**
 * The dashboard's period: Kyiv calendar days `from`..`to` inclusive and the answer threshold, the
 * same rules as the server's `periodInput` (server/metrics/overview.ts), checked here so that a
 * half-typed date never reaches the server. Plain functions: the page uses them to read the URL,
 * the filter to compute its quick ranges.
 */

import { kyivDate } from '@/server/time/kyiv';

export interface Period {
  from: string;
  to: string;
  thresholdSeconds: number;
}

export const DEFAULT_THRESHOLD_SECONDS = 20;
const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

/** Today in Ukraine, `YYYY-MM-DD`, whatever the device's or the server's time zone. */
export const kyivToday = (now: Date = new Date()): string => kyivDate(now);

export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The last `days` days, ending today. */
export const lastDays = (days: number, today: string = kyivToday()): Pick<Period, 'from' | 'to'> => ({ from: addDays(today, -(days - 1)), to: today });

const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export function isValidThreshold(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 3600;
}

export function isValidPeriod(period: Period): boolean {
  if (!isDay(period.from) || !isDay(period.to) || period.from > period.to) return false;
  const days = (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / DAY_MS + 1;
  return days <= MAX_PERIOD_DAYS && isValidThreshold(period.thresholdSeconds);
}

/** The period from the page's query string, or the last 7 days with the default threshold. */
export function periodFromSearch(search: { from?: string | string[]; to?: string | string[]; threshold?: string | string[] }, today: string = kyivToday()): Period {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const asked = { from: one(search.from) ?? '', to: one(search.to) ?? '', thresholdSeconds: Number(one(search.threshold) ?? DEFAULT_THRESHOLD_SECONDS) };
  return isValidPeriod(asked) ? asked : { ...lastDays(7, today), thresholdSeconds: DEFAULT_THRESHOLD_SECONDS };
}

/** The CSV of the period's figures (app/api/admin/metrics.csv/route.ts). */
export const csvHref = (period: Period) => `/api/admin/metrics.csv?${new URLSearchParams({ from: period.from, to: period.to, threshold: String(period.thresholdSeconds) })}`;
