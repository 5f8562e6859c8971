import { and, asc, count, desc, eq, gte, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { alias, first, type DbOrTx } from '@/db/client';
import { applications, dealers, pointsOfSale, users } from '@/db/schema';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';
import type { SignedInContext } from '@/server/context';
import { kyivDayStart, nextDay } from '@/server/time/kyiv';
import { CLAIM_IDLE_MS } from './claim';
import { searchPattern } from './search-terms';

const isoDate = z.iso.date('invalidDate');

export const QUEUE_VIEWS = ['open', 'submitted', 'disputed', 'approved', 'rejected'] as const;

export const queueInput = z
  .object({
    /** open = submitted and disputed, oldest first; the decided ones newest first. */
    view: z.enum(QUEUE_VIEWS).default('open'),
    templateId: z.string().max(60).optional(),
    dealerId: z.uuid('invalidId').optional(),
    pointOfSaleId: z.uuid('invalidId').optional(),
    /** Submission day range in Kyiv time, inclusive. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    sensitiveOnly: z.boolean().default(false),
    awaitingSubscriber: z.boolean().default(false),
    /** A part of the subscriber's (or representative's, or company's) name, or of a phone number. */
    search: z.string().max(100).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'dateRangeReversed', path: ['to'] });
export type QueueInput = z.input<typeof queueInput>;

function filters(q: z.output<typeof queueInput>): SQL | undefined {
  const statuses = q.view === 'open' ? (['submitted', 'disputed'] as const) : ([q.view] as const);
  return and(
    inArray(applications.status, [...statuses]),
    q.templateId ? eq(applications.templateId, q.templateId) : undefined,
    q.dealerId ? eq(applications.dealerId, q.dealerId) : undefined,
    q.pointOfSaleId ? eq(applications.pointOfSaleId, q.pointOfSaleId) : undefined,
    q.from ? gte(applications.submittedAt, kyivDayStart(q.from)) : undefined,
    q.to ? lt(applications.submittedAt, kyivDayStart(nextDay(q.to))) : undefined,
    q.sensitiveOnly ? eq(applications.sensitive, true) : undefined,
    q.awaitingSubscriber ? and(eq(applications.sensitive, true), isNull(applications.subscriberConfirmedAt)) : undefined,
    searchFilter(q.search),
  );
}

/**
 * Name or phone: a LIKE on the one column written on submission, checked on the rows the status
 * (and other filters') index already narrowed to — the waiting queue is a few thousand rows.
 */
function searchFilter(typed: string | undefined): SQL | undefined {
  const pattern = typed ? searchPattern(typed) : null;
  return pattern ? sql`${applications.searchText} like ${pattern} escape '\\'` : undefined;
}

/**
 * The back office's queue: submitted (and disputed) applications, oldest first, with the filters
 * of the issue, the live claim's holder, and the total for the filters. Indexed by
 * (status, submitted_at) and by (dealer | point of sale | template, status, submitted_at); see
 * docs/backoffice.md.
 */
export async function listQueue(db: DbOrTx, input: QueueInput, now: Date) {
  const q = queueInput.parse(input);
  const where = filters(q);
  const newestFirst = q.view === 'approved' || q.view === 'rejected';
  const claimSince = new Date(now.getTime() - CLAIM_IDLE_MS);
  // Made per call: the tables are the process's dialect's only once the database is opened.
  const holder = alias(users, 'holder');
  const rows = await db
    .select({
      id: applications.id,
      number: applications.number,
      templateId: applications.templateId,
      status: applications.status,
      version: applications.version,
      sensitive: applications.sensitive,
      submittedAt: applications.submittedAt,
      subscriberConfirmedAt: applications.subscriberConfirmedAt,
      confirmationMode: applications.confirmationMode,
      waitingPeriodEndsAt: applications.waitingPeriodEndsAt,
      disputedAt: applications.disputedAt,
      decidedAt: applications.decidedAt,
      subscriberName: applications.subscriberName,
      dealerName: dealers.name,
      posName: pointsOfSale.name,
      posTown: pointsOfSale.town,
      // The claim is live: compared as a timestamp by drizzle's operator (either dialect's encoding).
      claimedByName: sql<string | null>`case when ${gte(applications.claimActiveAt, claimSince)} then ${holder.name} end`,
      claimedById: sql<string | null>`case when ${gte(applications.claimActiveAt, claimSince)} then ${applications.claimedBy} end`,
    })
    .from(applications)
    .innerJoin(dealers, eq(dealers.id, applications.dealerId))
    .leftJoin(pointsOfSale, eq(pointsOfSale.id, applications.pointOfSaleId))
    .leftJoin(holder, eq(holder.id, applications.claimedBy))
    .where(where)
    .orderBy(newestFirst ? desc(applications.submittedAt) : asc(applications.submittedAt))
    .limit(q.limit)
    .offset(q.offset);
  const items = rows.map(({ posName, posTown, ...row }) => ({
    ...row,
    pointOfSale: pointOfSaleLabel(posName, posTown),
    waitedMs: row.submittedAt ? now.getTime() - row.submittedAt.getTime() : 0,
    /** A subscriber without another contact: how long until the back office may approve (0 once it passed; null when no waiting period runs). */
    waitingLeftMs: row.confirmationMode === 'waitingPeriod' && row.waitingPeriodEndsAt && !row.subscriberConfirmedAt ? Math.max(0, row.waitingPeriodEndsAt.getTime() - now.getTime()) : null,
  }));
  const total = (await first(db.select({ n: count() }).from(applications).where(where)))?.n ?? 0;
  return { items, total, now };
}

/** The counters above the queue (whole queue, no filters). */
export async function queueCounters(db: DbOrTx, actorId: string, now: Date) {
  const claimSince = new Date(now.getTime() - CLAIM_IDLE_MS);
  const byStatus = Object.fromEntries(
    (
      await db
        .select({ status: applications.status, n: count() })
        .from(applications)
        .where(inArray(applications.status, ['submitted', 'disputed']))
        .groupBy(applications.status)
    ).map((r) => [r.status, r.n]),
  );
  const one = async (where: SQL | undefined) => (await first(db.select({ n: count() }).from(applications).where(where)))?.n ?? 0;
  const oldest = (
    await first(
      db
        .select({ at: applications.submittedAt })
        .from(applications)
        .where(eq(applications.status, 'submitted'))
        .orderBy(asc(applications.submittedAt))
        .limit(1),
    )
  )?.at;
  return {
    submitted: byStatus.submitted ?? 0,
    disputed: byStatus.disputed ?? 0,
    awaitingSubscriber: await one(and(eq(applications.status, 'submitted'), eq(applications.sensitive, true), isNull(applications.subscriberConfirmedAt))),
    mine: await one(and(inArray(applications.status, ['submitted', 'disputed']), eq(applications.claimedBy, actorId), gte(applications.claimActiveAt, claimSince))),
    oldestWaitMs: oldest ? now.getTime() - oldest.getTime() : 0,
  };
}

export async function readQueue({ ctx, input }: { ctx: SignedInContext; input: QueueInput }) {
  const now = ctx.clock.now();
  return { ...(await listQueue(ctx.db, input, now)), counters: await queueCounters(ctx.db, ctx.actor.id, now) };
}
