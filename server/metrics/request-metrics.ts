/**
 * Figures of subscribers' written requests (docs/metrics.md, "Written requests"): pure functions
 * over plain facts and a business clock (server/metrics/business-clock.ts on the back office's calendar), so every definition is testable
 * without a database. Times are BUSINESS seconds: the calendar's open time between two instants.
 *
 * - First response time: created → first reply, business seconds.
 * - Resolution time: created → resolved, business seconds, less the time the clock was paused
 *   while waiting for the subscriber (`slaPausedMs`, already in business milliseconds).
 * - Within target: first response (resolution) time ≤ the category's target. A request still
 *   unanswered (unresolved) whose time so far is already beyond the target counts as a miss; one
 *   still within its target is not counted yet.
 * - Reopen rate: requests reopened at least once / requests resolved at least once.
 * - Satisfaction: the ratings (1–5) given after resolution: mean and count.
 * - Backlog: requests not resolved or closed now, by business age: < 4 h, 4–8 h, 1–2 business
 *   days (8–16 h: a business day counts as 8 business hours), older.
 */
import type { BusinessClock } from './business-clock';
import { groupBy, percentile } from './chat-metrics';

export const OPEN_REQUEST_STATUSES = ['new', 'open', 'waiting'] as const;

/** One request as the figures see it. */
export interface RequestFact {
  id: string;
  category: string;
  status: 'new' | 'open' | 'waiting' | 'resolved' | 'closed';
  assigneeId: string | null;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  reopenCount: number;
  /** Business milliseconds the clock was paused (waiting for the subscriber). */
  slaPausedMs: number;
  /** When paused now, since when (the pause so far is not yet in slaPausedMs). */
  slaPausedAt?: Date | null;
  rating: number | null;
}

/** A category's promised times, in business hours. */
export interface CategoryTarget {
  firstResponseHours: number;
  resolutionHours: number;
}

/** Business hours of one business day, for the backlog's day bands. */
export const BUSINESS_DAY_HOURS = 8;
export const BACKLOG_BANDS = ['under4h', 'h4to8', 'd1to2', 'older'] as const;
export type BacklogBand = (typeof BACKLOG_BANDS)[number];
export type Backlog = Record<BacklogBand, number> & { total: number };

export interface RequestFigures {
  received: number;
  answered: number;
  resolved: number;
  /** Business seconds. */
  firstResponse: { p50: number | null; p90: number | null; within: number; counted: number; share: number | null };
  resolution: { p50: number | null; p90: number | null; within: number; counted: number; share: number | null };
  reopened: number;
  reopenRate: number | null;
  satisfaction: { mean: number | null; count: number; distribution: [number, number, number, number, number] };
}

const HOUR_MS = 3_600_000;

export function backlogBand(businessAgeMs: number): BacklogBand {
  const hours = businessAgeMs / HOUR_MS;
  if (hours < 4) return 'under4h';
  if (hours < BUSINESS_DAY_HOURS) return 'h4to8';
  if (hours < 2 * BUSINESS_DAY_HOURS) return 'd1to2';
  return 'older';
}

export const emptyBacklog = (): Backlog => ({ under4h: 0, h4to8: 0, d1to2: 0, older: 0, total: 0 });

/** Open requests now (new, open, waiting) by business age since they were created. */
export function backlogOf(facts: readonly RequestFact[], clock: BusinessClock, now: Date): Backlog {
  const backlog = emptyBacklog();
  for (const r of facts) {
    if (!(OPEN_REQUEST_STATUSES as readonly string[]).includes(r.status)) continue;
    backlog[backlogBand(clock.between(r.createdAt, now))] += 1;
    backlog.total += 1;
  }
  return backlog;
}

const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);

/** The paused business time of a request up to `at` (the stored sum, and the current pause if any). */
function pausedMs(r: RequestFact, clock: BusinessClock, at: Date): number {
  return r.slaPausedMs + (r.slaPausedAt ? clock.between(r.slaPausedAt, at) : 0);
}

/** The figures of a set of requests (already chosen: created in the period), at `now`. */
export function requestFigures(facts: readonly RequestFact[], targets: ReadonlyMap<string, CategoryTarget>, clock: BusinessClock, now: Date): RequestFigures {
  const firstTimes: number[] = [];
  const resolveTimes: number[] = [];
  let firstWithin = 0;
  let firstCounted = 0;
  let resolveWithin = 0;
  let resolveCounted = 0;
  let everResolved = 0;
  let reopened = 0;
  const ratings: number[] = [];
  for (const r of facts) {
    const target = targets.get(r.category);
    const firstLimit = target ? target.firstResponseHours * HOUR_MS : null;
    const resolveLimit = target ? target.resolutionHours * HOUR_MS : null;
    if (r.firstResponseAt) {
      const ms = clock.between(r.createdAt, r.firstResponseAt);
      firstTimes.push(ms / 1000);
      if (firstLimit !== null) {
        firstCounted += 1;
        if (ms <= firstLimit) firstWithin += 1;
      }
    } else if (firstLimit !== null && r.status !== 'closed' && clock.between(r.createdAt, now) > firstLimit) {
      firstCounted += 1;
    }
    const resolvedAt = r.resolvedAt ?? (r.status === 'closed' ? r.closedAt : null);
    if (resolvedAt && (r.status === 'resolved' || r.status === 'closed')) {
      const ms = Math.max(0, clock.between(r.createdAt, resolvedAt) - r.slaPausedMs);
      resolveTimes.push(ms / 1000);
      if (resolveLimit !== null) {
        resolveCounted += 1;
        if (ms <= resolveLimit) resolveWithin += 1;
      }
    } else if (resolveLimit !== null && clock.between(r.createdAt, now) - pausedMs(r, clock, now) > resolveLimit) {
      resolveCounted += 1;
    }
    if (r.resolvedAt || r.reopenCount > 0 || r.status === 'resolved' || r.status === 'closed') everResolved += 1;
    if (r.reopenCount > 0) reopened += 1;
    if (r.rating !== null && r.rating >= 1 && r.rating <= 5) ratings.push(r.rating);
  }
  const distribution: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  for (const rating of ratings) distribution[rating - 1] = (distribution[rating - 1] ?? 0) + 1;
  return {
    received: facts.length,
    answered: firstTimes.length,
    resolved: resolveTimes.length,
    firstResponse: { p50: percentile(firstTimes, 50), p90: percentile(firstTimes, 90), within: firstWithin, counted: firstCounted, share: firstCounted ? firstWithin / firstCounted : null },
    resolution: { p50: percentile(resolveTimes, 50), p90: percentile(resolveTimes, 90), within: resolveWithin, counted: resolveCounted, share: resolveCounted ? resolveWithin / resolveCounted : null },
    reopened,
    reopenRate: everResolved ? reopened / everResolved : null,
    satisfaction: { mean: mean(ratings), count: ratings.length, distribution },
  };
}

/**
 * The period's figures in all, per category and per back-office employee (the assignee), and the
 * backlog now in all, per category and per employee. `inPeriod` are the requests created in the
 * period; `open` those open now, whenever created.
 */
export function requestOverview(input: {
  inPeriod: readonly RequestFact[];
  open: readonly RequestFact[];
  targets: ReadonlyMap<string, CategoryTarget>;
  clock: BusinessClock;
  now: Date;
}) {
  const { inPeriod, open, targets, clock, now } = input;
  const figures = (facts: readonly RequestFact[]) => requestFigures(facts, targets, clock, now);
  const openByCategory = groupBy(open, (r) => r.category);
  const openByEmployee = groupBy(open, (r) => r.assigneeId);
  const periodByCategory = groupBy(inPeriod, (r) => r.category);
  const periodByEmployee = groupBy(inPeriod, (r) => r.assigneeId);
  const categories = [...new Set([...targets.keys(), ...periodByCategory.keys(), ...openByCategory.keys()])];
  const employees = [...new Set([...periodByEmployee.keys(), ...openByEmployee.keys()])];
  return {
    total: { ...figures(inPeriod), backlog: backlogOf(open, clock, now) },
    byCategory: categories.map((category) => ({
      category,
      ...figures(periodByCategory.get(category) ?? []),
      backlog: backlogOf(openByCategory.get(category) ?? [], clock, now),
    })),
    byEmployee: employees.map((employeeId) => ({
      employeeId,
      ...figures(periodByEmployee.get(employeeId) ?? []),
      backlog: backlogOf(openByEmployee.get(employeeId) ?? [], clock, now),
    })),
  };
}
