import { and, asc, count, desc, eq, gt, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { first } from '@/db/client';
import { requests } from '@/db/schema';
import { staffOf, type RequestContext } from './request-context';
import { namesOf } from './request-dto';
import type { InboxInput } from './schemas';
import { runningTarget, slaStateOf } from './sla';

/** Statuses the inbox shows when no status is asked for: what is still being handled. */
export const OPEN_STATUSES = ['new', 'open', 'waiting'] as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
/** A whole request number: looked up by its unique index rather than LIKE. */
const FULL_NUMBER = /^z-\d{4}-\d{6}$/i;

/**
 * The back office's inbox: filtered by status (default: new, open, waiting), category, assignee
 * (an id, 'me', 'none'), at risk or late, a request number or a phone number; what is due first
 * on top (requests without a running clock after, oldest first). Resolved and closed requests
 * have no clock: asked for alone, they come newest first, in the created-at index's order rather
 * than sorted whole. A whole number (a request's or a phone's) is found by equality; a part of
 * one by LIKE. The row's SLA state comes from its stored instants (`slaStateOf`): counting
 * business time per row would cost the list a day-by-day walk for each late request (npm run
 * bench:requests, docs/benchmarks.md).
 */
export async function listInbox({ ctx, input }: { ctx: RequestContext; input: InboxInput }) {
  const actor = staffOf(ctx);
  const now = ctx.clock.now();
  const statuses = input.status?.length ? input.status : [...OPEN_STATUSES];
  const where: SQL[] = [inArray(requests.status, statuses)];
  if (input.category) where.push(eq(requests.category, input.category));
  if (input.assignee === 'me') where.push(eq(requests.assigneeId, actor.id));
  else if (input.assignee === 'none') where.push(isNull(requests.assigneeId));
  else if (input.assignee) where.push(eq(requests.assigneeId, input.assignee));
  if (input.sla === 'late') where.push(lte(requests.dueAt, now));
  if (input.sla === 'atRisk') where.push(lte(requests.riskAt, now), gt(requests.dueAt, now));
  const search = input.search?.trim();
  if (search) {
    const digits = search.replace(/\D/g, '');
    if (FULL_NUMBER.test(search)) where.push(eq(requests.number, search.toUpperCase()));
    else if (/^\+?380\d{9}$/.test(search.replace(/[\s()-]/g, ''))) where.push(eq(requests.msisdn, `+${digits}`));
    else {
      const byNumber = like(requests.number, `%${escapeLike(search.toUpperCase())}%`);
      where.push((digits.length >= 3 && !/^z-/i.test(search) ? or(byNumber, like(requests.msisdn, `%${digits}%`)) : undefined) ?? byNumber);
    }
  }
  const noClock = statuses.every((s) => s === 'resolved' || s === 'closed');
  const condition = and(...where);
  const rows = await ctx.db
    .select()
    .from(requests)
    .where(condition)
    .orderBy(...(noClock ? [desc(requests.createdAt)] : [sql`case when ${requests.dueAt} is null then 1 else 0 end`, asc(requests.dueAt), asc(requests.createdAt)]))
    .limit(input.limit)
    .offset(input.offset);
  const total = (await first(ctx.db.select({ n: count() }).from(requests).where(condition)))?.n ?? 0;
  const names = await namesOf(ctx.db, [...new Set(rows.map((r) => r.assigneeId).filter((id): id is string => Boolean(id)))]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      number: row.number,
      category: row.category,
      status: row.status,
      msisdn: row.msisdn,
      email: row.email,
      subject: row.subject,
      assigneeId: row.assigneeId,
      assigneeName: row.assigneeId ? (names.get(row.assigneeId) ?? null) : null,
      createdAt: row.createdAt,
      dueAt: row.dueAt,
      dueKind: runningTarget(row),
      sla: slaStateOf(row, now),
      reopenCount: row.reopenCount,
    })),
    total: Number(total),
    nextOffset: input.offset + rows.length < Number(total) ? input.offset + rows.length : null,
  };
}
