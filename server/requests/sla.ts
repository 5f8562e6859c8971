import type { RequestCategoryRow, RequestRow } from './request-types';
import { addBusinessMillis, businessMillisBetween, subtractBusinessMillis, type BusinessCalendar } from '@/server/time/business-hours';

/**
 * The promised times of a written request (docs/requests.md "SLA"): the first response and the
 * resolution, each a number of business hours of the back office's calendar after submission;
 * paused while waiting for the subscriber (the due times move on by the business time paused).
 * "At risk" is less than 25 % of the running target left; "late" is past due.
 */
/** An hour. */
export const HOUR_MS = 3600_000;
export const AT_RISK_SHARE = 0.25;

type Clocked = Pick<RequestRow, 'status' | 'firstResponseAt' | 'firstResponseDueAt' | 'resolutionDueAt'>;

const never = (what: string) => new Error(`the back office calendar has no opening hours to put ${what} on`);

/** The due times of a request submitted at `at`. */
export function dueTimesAt(calendar: BusinessCalendar, at: Date, category: Pick<RequestCategoryRow, 'firstResponseHours' | 'resolutionHours'>) {
  const firstResponseDueAt = addBusinessMillis(calendar, at, category.firstResponseHours * HOUR_MS);
  const resolutionDueAt = addBusinessMillis(calendar, at, category.resolutionHours * HOUR_MS);
  if (!firstResponseDueAt || !resolutionDueAt) throw never('a due time');
  return { firstResponseDueAt, resolutionDueAt };
}

/** Which target runs now: the first response until the back office answered, then the resolution; none while waiting, resolved or closed. */
export function runningTarget(row: Pick<RequestRow, 'status' | 'firstResponseAt'>): 'firstResponse' | 'resolution' | null {
  if (row.status !== 'new' && row.status !== 'open') return null;
  return row.firstResponseAt ? 'resolution' : 'firstResponse';
}

/** dueAt (the next due) and riskAt (when less than 25 % of its target is left) for the row as it is. */
export function dueOf(calendar: BusinessCalendar, row: Clocked, category: Pick<RequestCategoryRow, 'firstResponseHours' | 'resolutionHours'>): { dueAt: Date | null; riskAt: Date | null } {
  const kind = runningTarget(row);
  if (!kind) return { dueAt: null, riskAt: null };
  const targetMs = (kind === 'firstResponse' ? category.firstResponseHours : category.resolutionHours) * HOUR_MS;
  const dueAt = kind === 'firstResponse' ? row.firstResponseDueAt : row.resolutionDueAt;
  // At risk from the moment a quarter of the target, in business time, is left before the due time.
  return { dueAt, riskAt: subtractBusinessMillis(calendar, dueAt, Math.round(targetMs * AT_RISK_SHARE)) ?? dueAt };
}

/** The resolution target restarted at `now` (a resolved or closed request reopened by the subscriber). */
export function restartedResolution(calendar: BusinessCalendar, category: Pick<RequestCategoryRow, 'resolutionHours'>, now: Date): Date {
  const due = addBusinessMillis(calendar, now, category.resolutionHours * HOUR_MS);
  if (!due) throw never('a due time');
  return due;
}

/** The clock resumed at `now` after a pause since `pausedAt`: the due times pushed by the business time paused. */
export function resumeClock(calendar: BusinessCalendar, row: Pick<RequestRow, 'firstResponseDueAt' | 'resolutionDueAt' | 'slaPausedAt' | 'slaPausedMs' | 'firstResponseAt'>, now: Date) {
  if (!row.slaPausedAt) return { slaPausedAt: null, slaPausedMs: row.slaPausedMs, firstResponseDueAt: row.firstResponseDueAt, resolutionDueAt: row.resolutionDueAt };
  const paused = businessMillisBetween(calendar, row.slaPausedAt, now);
  const push = (due: Date) => addBusinessMillis(calendar, due, paused) ?? due;
  return {
    slaPausedAt: null,
    slaPausedMs: row.slaPausedMs + paused,
    // A first response already given keeps its due time (history); the running targets move on.
    firstResponseDueAt: row.firstResponseAt ? row.firstResponseDueAt : push(row.firstResponseDueAt),
    resolutionDueAt: push(row.resolutionDueAt),
  };
}

/** How the request stands against its running target at `now`, and the business time left (negative when late). */
/** Where a request stands against its running target: by its stored due and at-risk instants alone (cheap: a list computes it per row). */
export function slaStateOf(row: { dueAt: Date | null; riskAt: Date | null }, now: Date): 'none' | 'ok' | 'atRisk' | 'late' {
  if (!row.dueAt) return 'none';
  if (now >= row.dueAt) return 'late';
  return row.riskAt && now >= row.riskAt ? 'atRisk' : 'ok';
}

export function slaOf(calendar: BusinessCalendar, row: Clocked & { dueAt: Date | null; riskAt: Date | null }, now: Date): { sla: 'none' | 'ok' | 'atRisk' | 'late'; businessMsLeft: number | null } {
  const sla = slaStateOf(row, now);
  if (!row.dueAt || sla === 'none') return { sla, businessMsLeft: null };
  if (sla === 'late') return { sla, businessMsLeft: -businessMillisBetween(calendar, row.dueAt, now) };
  return { sla, businessMsLeft: businessMillisBetween(calendar, now, row.dueAt) };
}
