import { asc, eq, inArray } from 'drizzle-orm';
import { first, type DbOrTx } from '@/db/client';
import { applications, attachments, requestMessages, requests, users } from '@/db/schema';
import { backofficeCalendar } from './backoffice-calendar';
import { findCategory } from './request-access';
import type { RequestRow } from './request-types';
import type { LinkViewDto, RequestDetailDto } from './schemas';
import { runningTarget, slaOf } from './sla';

async function linesOf(db: DbOrTx, requestId: string) {
  const rows = await db
    .select({ message: requestMessages, attachment: { id: attachments.id, fileName: attachments.fileName, mime: attachments.mime, size: attachments.size }, authorName: users.name })
    .from(requestMessages)
    .leftJoin(attachments, eq(attachments.id, requestMessages.attachmentId))
    .leftJoin(users, eq(users.id, requestMessages.authorId))
    .where(eq(requestMessages.requestId, requestId))
    .orderBy(asc(requestMessages.seq));
  return rows.map(({ message, attachment, authorName }) => ({ ...message, attachment: attachment?.id ? attachment : null, authorName }));
}

async function numberOf(db: DbOrTx, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await first(db.select({ number: requests.number }).from(requests).where(eq(requests.id, id))))?.number ?? null;
}

/** What the link holder sees: the request and its lines without internal notes, staff unnamed. */
export async function linkViewOf(db: DbOrTx, row: RequestRow): Promise<LinkViewDto> {
  const category = await findCategory(db, row.category);
  const lines = (await linesOf(db, row.id)).filter((line) => line.kind !== 'note');
  const merged = Boolean(row.mergedIntoId);
  return {
    number: row.number,
    status: row.status,
    category: { key: category.key, nameUk: category.nameUk, nameEn: category.nameEn },
    locale: row.locale,
    createdAt: row.createdAt,
    firstResponseDueAt: row.firstResponseDueAt,
    resolutionDueAt: row.resolutionDueAt,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    mergedIntoNumber: await numberOf(db, row.mergedIntoId),
    rating: row.rating,
    messages: lines.map((line) => ({ seq: line.seq, kind: line.kind as 'subscriber' | 'reply' | 'system', body: line.body, attachment: line.attachment, createdAt: line.createdAt })),
    can: {
      reply: !merged && row.status !== 'closed',
      close: row.status !== 'closed',
      reopen: !merged && (row.status === 'resolved' || row.status === 'closed'),
      rate: row.rating === null && (row.status === 'resolved' || (row.status === 'closed' && row.resolvedAt !== null)),
    },
  };
}

/** What the back office sees: everything, notes included, with the SLA state at `now`. */
export async function requestDetailOf(db: DbOrTx, row: RequestRow, now: Date): Promise<RequestDetailDto> {
  const category = await findCategory(db, row.category);
  const lines = await linesOf(db, row.id);
  const assigneeName = row.assigneeId ? ((await first(db.select({ name: users.name }).from(users).where(eq(users.id, row.assigneeId))))?.name ?? null) : null;
  const application = row.applicationId ? ((await first(db.select({ id: applications.id, number: applications.number }).from(applications).where(eq(applications.id, row.applicationId)))) ?? null) : null;
  const mergedNumber = await numberOf(db, row.mergedIntoId);
  const { sla, businessMsLeft } = slaOf(backofficeCalendar(), row, now);
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    status: row.status,
    category,
    msisdn: row.msisdn,
    email: row.email,
    locale: row.locale,
    subject: row.subject,
    assigneeId: row.assigneeId,
    assigneeName,
    createdAt: row.createdAt,
    firstResponseAt: row.firstResponseAt,
    resolvedAt: row.resolvedAt,
    closedAt: row.closedAt,
    reopenCount: row.reopenCount,
    firstResponseDueAt: row.firstResponseDueAt,
    resolutionDueAt: row.resolutionDueAt,
    slaPausedAt: row.slaPausedAt,
    dueAt: row.dueAt,
    dueKind: runningTarget(row),
    sla,
    businessMsLeft,
    mergedInto: row.mergedIntoId && mergedNumber ? { id: row.mergedIntoId, number: mergedNumber } : null,
    application,
    chatId: row.chatId,
    rating: row.rating,
    ratingComment: row.ratingComment,
    messages: lines.map((line) => ({ seq: line.seq, kind: line.kind, body: line.body, authorId: line.authorId, authorName: line.authorName, attachment: line.attachment, createdAt: line.createdAt })),
  };
}

/** Names of users by id (the inbox's assignees). */
export async function namesOf(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const refOf = (row: RequestRow) => ({ id: row.id, number: row.number, status: row.status, version: row.version });
