import { and, asc, count, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import { first, type DbOrTx } from '@/db/client';
import { requestCategories, requests, users } from '@/db/schema';
import { openIntervalsOn, type BusinessCalendar } from '@/server/time/business-hours';
import { businessClock } from './business-clock';
import { OPEN_REQUEST_STATUSES, requestOverview, type CategoryTarget, type RequestFact } from './request-metrics';

/** Minutes one written request takes, until the admin says otherwise (no handle time is recorded for requests). */
export const DEFAULT_MINUTES_PER_REQUEST = 15;
export const DEFAULT_MINUTES_PER_APPLICATION = 10;
export const DEFAULT_HOURS_PER_PERSON = 8;
export const DEFAULT_OCCUPANCY = 0.85;

const factColumns = {
  id: requests.id,
  category: requests.category,
  status: requests.status,
  assigneeId: requests.assigneeId,
  createdAt: requests.createdAt,
  firstResponseAt: requests.firstResponseAt,
  resolvedAt: requests.resolvedAt,
  closedAt: requests.closedAt,
  reopenCount: requests.reopenCount,
  slaPausedMs: requests.slaPausedMs,
  slaPausedAt: requests.slaPausedAt,
  rating: requests.rating,
};

/**
 * The written requests' figures of a period (server/metrics/request-metrics.ts): requests created
 * in it, and the backlog open now; a request merged into another is left out (its duplicate
 * counts). Also the back-office staffing calculator's measured inputs: requests per business day
 * of the period, and the head count (active users with the back-office role).
 */
export async function loadRequestFigures(db: DbOrTx, input: { start: Date; end: Date; days: readonly string[]; now: Date; calendar: BusinessCalendar; applicationsSubmitted: number }) {
  const { start, end, days, now, calendar } = input;
  const categories = await db.select().from(requestCategories).orderBy(asc(requestCategories.sort), asc(requestCategories.key));
  const targets = new Map<string, CategoryTarget>(categories.map((c) => [c.key, { firstResponseHours: c.firstResponseHours, resolutionHours: c.resolutionHours }]));
  const inPeriod: RequestFact[] = await db
    .select(factColumns)
    .from(requests)
    .where(and(gte(requests.createdAt, start), lt(requests.createdAt, end), isNull(requests.mergedIntoId)));
  const open: RequestFact[] = await db
    .select(factColumns)
    .from(requests)
    .where(and(inArray(requests.status, [...OPEN_REQUEST_STATUSES]), isNull(requests.mergedIntoId)));
  const figures = requestOverview({ inPeriod, open, targets, clock: businessClock(calendar), now });
  const employeeIds = figures.byEmployee.flatMap((e) => (e.employeeId ? [e.employeeId] : []));
  const names = new Map(employeeIds.length ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, employeeIds))).map((u) => [u.id, u.name]) : []);
  const headcount = (await first(db.select({ n: count() }).from(users).where(and(eq(users.role, 'backoffice'), eq(users.active, true)))))?.n ?? 0;
  const businessDays = days.filter((day) => openIntervalsOn(calendar, day).length > 0).length;
  const byCategory = new Map(categories.map((c) => [c.key, c]));
  return {
    ...figures,
    byCategory: figures.byCategory.map((c) => {
      const category = byCategory.get(c.category);
      return { ...c, nameUk: category?.nameUk ?? c.category, nameEn: category?.nameEn ?? c.category, firstResponseHours: category?.firstResponseHours ?? null, resolutionHours: category?.resolutionHours ?? null };
    }),
    byEmployee: figures.byEmployee.map((e) => ({ ...e, name: e.employeeId ? (names.get(e.employeeId) ?? '?') : null })),
    staffing: {
      businessDays,
      requestsPerDay: businessDays ? Math.round((figures.total.received / businessDays) * 10) / 10 : 0,
      applicationsPerDay: businessDays ? Math.round((input.applicationsSubmitted / businessDays) * 10) / 10 : 0,
      minutesPerRequest: DEFAULT_MINUTES_PER_REQUEST,
      minutesPerApplication: DEFAULT_MINUTES_PER_APPLICATION,
      hoursPerPerson: DEFAULT_HOURS_PER_PERSON,
      occupancy: DEFAULT_OCCUPANCY,
      headcount: Number(headcount),
    },
  };
}
export type RequestFiguresOverview = Awaited<ReturnType<typeof loadRequestFigures>>;
