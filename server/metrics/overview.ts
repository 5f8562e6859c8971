import { and, count, eq, gte, inArray, lt } from 'drizzle-orm';
import { z } from 'zod';
import { first, type DbOrTx } from '@/db/client';
import { applications, auditEvents, chats, dealers, operatorPresence, pointsOfSale, users } from '@/db/schema';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';
import { hasLiveHeartbeat } from '@/server/chat/operator-presence';
import type { SignedInContext } from '@/server/context';
import { daysBetween, kyivDate, kyivDayStart, kyivHour, nextDay } from '@/server/time/kyiv';
import { backOfficeFigures, pointOfSaleFigures, type DecisionFact } from './backoffice-metrics';
import { chatFigures, concurrency, groupBy, type ChatFact, type ChatFigures } from './chat-metrics';
import { serviceLevel } from './erlang-c';
import { CHAT_CLASSES, type ChatClass } from '@/db/column-values';
import { classTargetsSeconds } from '@/server/chat/class-targets';
import { loadRequestFigures } from './request-overview';
import { backofficeCalendar } from '@/server/requests/backoffice-calendar';

const isoDate = z.iso.date('invalidDate');

export const DEFAULT_THRESHOLD_SECONDS = 20;
export const MAX_PERIOD_DAYS = 366;

export const periodInput = z
  .object({
    from: isoDate,
    to: isoDate,
    /** "Accepted within" for the service level; 20 s by default. */
    thresholdSeconds: z.number().int().min(1).max(3600).default(DEFAULT_THRESHOLD_SECONDS),
  })
  .refine((p) => p.from <= p.to, { message: 'dateRangeReversed', path: ['to'] })
  .refine((p) => daysBetween(p.from, p.to).length <= MAX_PERIOD_DAYS, { message: 'periodTooLong', path: ['from'] });
export type PeriodInput = z.output<typeof periodInput>;

/** The period's instants: from Kyiv midnight of `from` to Kyiv midnight after `to`. */
export function periodBounds(period: Pick<PeriodInput, 'from' | 'to'>) {
  return { start: kyivDayStart(period.from), end: kyivDayStart(nextDay(period.to)) };
}

export async function loadChatFacts(db: DbOrTx, start: Date, end: Date): Promise<ChatFact[]> {
  return db
    .select({
      id: chats.id,
      class: chats.class,
      createdAt: chats.createdAt,
      acceptedAt: chats.acceptedAt,
      closedAt: chats.closedAt,
      status: chats.status,
      operatorId: chats.operatorId,
      dealerId: chats.dealerId,
      rating: chats.rating,
    })
    .from(chats)
    .where(and(gte(chats.createdAt, start), lt(chats.createdAt, end)));
}

async function loadBackOffice(db: DbOrTx, start: Date, end: Date, now: Date) {
  const inPeriod = and(gte(auditEvents.at, start), lt(auditEvents.at, end));
  const submissions = (await first(db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.action, 'application.submit'), inPeriod))))?.n ?? 0;
  const decided = await db
    .select({ applicationId: auditEvents.entityId, at: auditEvents.at, action: auditEvents.action, by: auditEvents.actorId, submittedAt: applications.submittedAt })
    .from(auditEvents)
    .innerJoin(applications, eq(applications.id, auditEvents.entityId))
    .where(and(inArray(auditEvents.action, ['application.approve', 'application.reject']), inPeriod));
  const decisions: DecisionFact[] = decided.map((d) => ({ applicationId: d.applicationId, at: d.at, decision: d.action === 'application.approve' ? 'approve' : 'reject', by: d.by ?? '?', submittedAt: d.submittedAt }));
  const waitingSince = (await db.select({ at: applications.submittedAt }).from(applications).where(inArray(applications.status, ['submitted', 'disputed']))).flatMap((r) => (r.at ? [r.at] : []));
  return backOfficeFigures({ submissions, decisions, waitingSince, now });
}

async function loadPointsOfSale(db: DbOrTx, start: Date, end: Date) {
  const made = and(gte(applications.createdAt, start), lt(applications.createdAt, end));
  const returns = await db
    .select({ applicationId: auditEvents.entityId, role: auditEvents.actorRole })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'application.return'), inArray(auditEvents.entityId, db.select({ id: applications.id }).from(applications).where(made))));
  const byOperator = new Set(returns.filter((r) => r.role === 'operator').map((r) => r.applicationId));
  const byBackOffice = new Set(returns.filter((r) => r.role === 'backoffice').map((r) => r.applicationId));
  const facts = (await db.select({ id: applications.id, pointOfSaleId: applications.pointOfSaleId }).from(applications).where(made)).map((a) => ({
    pointOfSaleId: a.pointOfSaleId,
    returnedByOperator: byOperator.has(a.id),
    returnedByBackOffice: byBackOffice.has(a.id),
  }));
  const points = await db
    .select({ id: pointsOfSale.id, name: pointsOfSale.name, town: pointsOfSale.town, dealerName: dealers.name })
    .from(pointsOfSale)
    .innerJoin(dealers, eq(dealers.id, pointsOfSale.dealerId));
  const labels = new Map(points.map((p) => [p.id, `${p.dealerName} · ${pointOfSaleLabel(p.name, p.town) ?? p.name}`]));
  return pointOfSaleFigures(facts).map((f) => ({ ...f, label: f.pointOfSaleId ? (labels.get(f.pointOfSaleId) ?? '?') : '—' }));
}

/** Operators taking chats now (available or in wrap-up, with a fresh heartbeat), and their slots. */
export async function staffOnShift(db: DbOrTx, now: Date) {
  const rows = await db
    .select({ capacity: operatorPresence.capacity })
    .from(operatorPresence)
    .where(and(inArray(operatorPresence.status, ['available', 'wrap_up']), hasLiveHeartbeat(now)));
  return { operators: rows.length, agents: rows.reduce((s, r) => s + r.capacity, 0) };
}

interface ClassFigures {
  class: ChatClass | 'all';
  targetSeconds: number | null;
  figures: ChatFigures;
}

const namesOf = async (db: DbOrTx, ids: (string | null)[], table: typeof users | typeof dealers) => {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  return new Map((await db.select({ id: table.id, name: table.name }).from(table).where(inArray(table.id, wanted))).map((r) => [r.id, r.name]));
};

/**
 * Everything the dashboard shows for a period: the headline chat figures, per day, per hour of
 * the day, per operator, per dealer company; the back office; points of sale; and the staffing
 * calculator's inputs measured from the same chats.
 */
export async function metricsOverview(db: DbOrTx, period: PeriodInput, now: Date) {
  const { start, end } = periodBounds(period);
  const threshold = period.thresholdSeconds;
  const facts = await loadChatFacts(db, start, end);
  const days = daysBetween(period.from, period.to);
  const byDay = groupBy(facts, (c) => kyivDate(c.createdAt));
  const byHour = groupBy(facts, (c) => kyivHour(c.createdAt));
  const operatorNames = await namesOf(db, facts.map((c) => c.operatorId), users);
  const dealerNames = await namesOf(db, facts.map((c) => c.dealerId), dealers);
  const headline = chatFigures(facts, threshold);
  const targets = classTargetsSeconds();
  const classOf = groupBy(facts, (c) => c.class);
  const handleOf = (chatClass: ChatClass) => chatFigures(classOf.get(chatClass) ?? [], targets[chatClass]).handleTime.mean;

  const hourly = Array.from({ length: 24 }, (_, hour) => {
    const f = chatFigures(byHour.get(hour) ?? [], threshold);
    return { hour, arrived: f.arrived, arrivalsPerDay: f.arrived / days.length, serviceLevel: f.serviceLevel, asaMean: f.asa.mean };
  });
  const peak = hourly.reduce((best, h) => (h.arrivalsPerDay > best.arrivalsPerDay ? h : best), hourly[0] ?? { hour: 0, arrivalsPerDay: 0 });
  const capacities = await db.select({ capacity: operatorPresence.capacity }).from(operatorPresence);
  const onShift = await staffOnShift(db, now);
  const backOfficeInPeriod = await loadBackOffice(db, start, end, now);
  const employeeNames = await namesOf(db, backOfficeInPeriod.byEmployee.map((e) => e.employeeId), users);
  const pointsOfSaleInPeriod = await loadPointsOfSale(db, start, end);
  const writtenRequests = await loadRequestFigures(db, { start, end, days, now, calendar: backofficeCalendar(), applicationsSubmitted: backOfficeInPeriod.submitted });
  const ahtSeconds = headline.handleTime.mean ?? 300;

  return {
    period: { ...period, start, end },
    chats: headline,
    byDay: days.map((day) => {
      const f = chatFigures(byDay.get(day) ?? [], threshold);
      return { day, arrived: f.arrived, answered: f.answered, abandoned: f.abandoned, serviceLevel: f.serviceLevel, asaMean: f.asa.mean, asaP90: f.asa.p90, handleMean: f.handleTime.mean, csat: f.ratings.mean, satisfiedShare: f.ratings.satisfiedShare };
    }),
    byHour: hourly,
    byOperator: [...groupBy(facts.filter((c) => c.operatorId), (c) => c.operatorId as string)].map(([operatorId, chats]) => {
      const f = chatFigures(chats, threshold);
      const at = concurrency(chats, now < end ? now : end);
      return { operatorId, name: operatorNames.get(operatorId) ?? '?', answered: f.answered, handleMean: f.handleTime.mean, concurrencyAverage: at.average, concurrencyPeak: at.peak, csat: f.ratings.mean, satisfiedShare: f.ratings.satisfiedShare, ratings: f.ratings.count };
    }),
    /** Each class against its own target, and both together, each chat against its class's target. */
    byClass: [
      ...CHAT_CLASSES.map((chatClass): ClassFigures => ({ class: chatClass, targetSeconds: targets[chatClass], figures: chatFigures(classOf.get(chatClass) ?? [], targets[chatClass]) })),
      { class: 'all', targetSeconds: null, figures: chatFigures(facts, (c) => targets[c.class]) } satisfies ClassFigures as ClassFigures,
    ],
    /** Per day and class (the CSV's rows). */
    byDayAndClass: days.flatMap((day) =>
      CHAT_CLASSES.map((chatClass) => {
        const f = chatFigures((byDay.get(day) ?? []).filter((c) => c.class === chatClass), targets[chatClass]);
        return { day, class: chatClass, arrived: f.arrived, answered: f.answered, abandoned: f.abandoned, serviceLevel: f.serviceLevel, asaMean: f.asa.mean, asaP90: f.asa.p90, handleMean: f.handleTime.mean, csat: f.ratings.mean, satisfiedShare: f.ratings.satisfiedShare };
      }),
    ),
    /** Dealer companies: dealer chats only. */
    byDealer: [...groupBy(facts.filter((c) => c.class === 'dealer' && c.dealerId), (c) => c.dealerId as string)].map(([dealerId, chats]) => {
      const f = chatFigures(chats, threshold);
      return { dealerId, name: dealerNames.get(dealerId) ?? '?', arrived: f.arrived, serviceLevel: f.serviceLevel, answeredShare: f.answeredShare, asaMean: f.asa.mean, csat: f.ratings.mean };
    }),
    backOffice: { ...backOfficeInPeriod, byEmployee: backOfficeInPeriod.byEmployee.map((e) => ({ ...e, name: employeeNames.get(e.employeeId) ?? '?' })) },
    pointsOfSale: pointsOfSaleInPeriod,
    /** Subscribers' written requests: figures in business hours, backlog now, back-office staffing inputs. */
    requests: writtenRequests,
    staffing: {
      /** The busiest hour of the day, averaged over the period's days: what staffing must cover. */
      peakHour: peak.hour,
      arrivalsPerHour: Math.round(peak.arrivalsPerDay * 10) / 10,
      ahtSeconds: Math.round(ahtSeconds),
      concurrency: capacities.length ? Math.round(capacities.reduce((s, c) => s + c.capacity, 0) / capacities.length) : 3,
      onShift,
      /** Each class's share of the busiest hour, its handle time and its target: the calculator's per-class rows. */
      byClass: CHAT_CLASSES.map((chatClass) => ({
        class: chatClass,
        arrivalsPerHour: Math.round((((byHour.get(peak.hour) ?? []).filter((c) => c.class === chatClass).length) / days.length) * 10) / 10,
        ahtSeconds: Math.round(handleOf(chatClass) ?? ahtSeconds),
        targetSeconds: targets[chatClass],
      })),
      expectedServiceLevelNow: peak.arrivalsPerDay > 0 && onShift.agents > 0 ? serviceLevel({ arrivalsPerHour: peak.arrivalsPerDay, ahtSeconds }, onShift.agents, threshold) : null,
    },
  };
}

export type MetricsOverview = Awaited<ReturnType<typeof metricsOverview>>;

export async function readOverview({ ctx, input }: { ctx: SignedInContext; input: PeriodInput }) {
  return metricsOverview(ctx.db, input, ctx.clock.now());
}
