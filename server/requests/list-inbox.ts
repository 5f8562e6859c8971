import { and, asc, count, eq, gt, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { first } from '@/db/client';
import { requests } from '@/db/schema';
import { backofficeCalendar } from './backoffice-calendar';
import { staffOf, type RequestContext } from './request-context';
import { namesOf } from './request-dto';
import type { InboxInput } from './schemas';
import { runningTarget, slaOf } from './sla';

/** Statuses the inbox shows when no status is asked for: what is still being handled. */
export const OPEN_STATUSES = ['new', 'open', 'waiting'] as const;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The back office's inbox: filtered by status (default: new, open, waiting), category, assignee
 * (an id, 'me', 'none'), at risk or late, a request number or a phone number; what is due first
 * on top (requests without a running clock after, oldest first).
 */
export async function listInbox({ ctx, input }: { ctx: RequestContext; input: InboxInput }) {
  const actor = staffOf(ctx);
  const now = ctx.clock.now();
  const where: SQL[] = [inArray(requests.status, input.status?.length ? input.status : [...OPEN_STATUSES])];
  if (input.category) where.push(eq(requests.category, input.category));
  if (input.assignee === 'me') where.push(eq(requests.assigneeId, actor.id));
  else if (input.assignee === 'none') where.push(isNull(requests.assigneeId));
  else if (input.assignee) where.push(eq(requests.assigneeId, input.assignee));
  if (input.sla === 'late') where.push(lte(requests.dueAt, now));
  if (input.sla === 'atRisk') where.push(lte(requests.riskAt, now), gt(requests.dueAt, now));
  const search = input.search?.trim();
  if (search) {
    const digits = search.replace(/\D/g, '');
    const byNumber = like(requests.number, `%${escapeLike(search.toUpperCase())}%`);
    where.push((digits.length >= 3 && !/^z-/i.test(search) ? or(byNumber, like(requests.msisdn, `%${digits}%`)) : undefined) ?? byNumber);
  }
  const condition = and(...where);
  const rows = await ctx.db
    .select()
    .from(requests)
    .where(condition)
    .orderBy(sql`case when ${requests.dueAt} is null then 1 else 0 end`, asc(requests.dueAt), asc(requests.createdAt))
    .limit(input.limit)
    .offset(input.offset);
  const total = (await first(ctx.db.select({ n: count() }).from(requests).where(condition)))?.n ?? 0;
  const names = await namesOf(ctx.db, [...new Set(rows.map((r) => r.assigneeId).filter((id): id is string => Boolean(id)))]);
  const calendar = backofficeCalendar();
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
      sla: slaOf(calendar, row, now).sla,
      reopenCount: row.reopenCount,
    })),
    total: Number(total),
    nextOffset: input.offset + rows.length < Number(total) ? input.offset + rows.length : null,
  };
}
