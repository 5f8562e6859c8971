import { auditActor, subscriberAuditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { requests } from '@/db/schema';
import type { LOCALES } from '@/db/column-values';
import type { Tx } from '@/db/client';
import { requestLinkToken, tokenHash } from '@/server/notifications/link-token';
import { backofficeCalendar } from './backoffice-calendar';
import { appendRequestMessage, attachRequestFiles, nextRequestNumber } from './request-access';
import type { StoredRequestFile } from './request-files';
import { REQUEST_LINK_MS } from './request-link';
import { notifySubscriber } from './request-notify';
import type { RequestCategoryRow, RequestRow } from './request-types';
import { dueOf, dueTimesAt } from './sla';

export interface NewRequest {
  category: RequestCategoryRow;
  text: string;
  msisdn: string | null;
  email: string | null;
  locale: (typeof LOCALES)[number];
  visitorId: string | null;
  chatId?: string | null;
  files: StoredRequestFile[];
  consentAt: Date;
  /** Who made it: the subscriber (null) or the operator who turned a chat into it. */
  actor: { id: string; role: string } | null;
}

const SUBJECT_LENGTH = 120;

/**
 * A new request in the caller's transaction: its number, its due times from the category's targets
 * on the back office's calendar, the first line (and files), the audit event, the subscriber told
 * (the number and the private link) through the outbox.
 */
export async function createRequest(tx: Tx, input: NewRequest, linkBase: string, now: Date): Promise<{ row: RequestRow; linkToken: string }> {
  const calendar = backofficeCalendar();
  const id = crypto.randomUUID();
  const linkToken = requestLinkToken(id);
  const number = await nextRequestNumber(tx, now);
  const { firstResponseDueAt, resolutionDueAt } = dueTimesAt(calendar, now, input.category);
  const firstLine = input.text.split('\n').find((line) => line.trim()) ?? input.text;
  const draft = { status: 'new' as const, firstResponseAt: null, firstResponseDueAt, resolutionDueAt };
  const { dueAt, riskAt } = dueOf(calendar, draft, input.category);
  const [row] = await tx
    .insert(requests)
    .values({
      id,
      number,
      category: input.category.key,
      status: 'new',
      msisdn: input.msisdn,
      email: input.email,
      locale: input.locale,
      visitorId: input.visitorId,
      subject: firstLine.slice(0, SUBJECT_LENGTH),
      consentAt: input.consentAt,
      createdAt: now,
      firstResponseDueAt,
      resolutionDueAt,
      dueAt,
      riskAt,
      chatId: input.chatId ?? null,
      linkTokenHash: tokenHash(linkToken),
      linkExpiresAt: new Date(now.getTime() + REQUEST_LINK_MS),
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('the request insert returned no row');
  const seq = await appendRequestMessage(tx, id, { kind: 'subscriber', authorId: null, body: input.text }, now);
  await attachRequestFiles(tx, row, input.files, { kind: 'subscriber', authorId: null, visitorId: input.visitorId }, now);
  await writeAuditEvent(tx, {
    at: now,
    ...(input.actor ? auditActor(input.actor) : subscriberAuditActor(input.visitorId)),
    action: 'request.submit',
    entityType: 'request',
    entityId: id,
    data: { number, category: input.category.key, files: input.files.length, chatId: input.chatId ?? null },
  });
  await notifySubscriber(tx, row, { kind: 'submitted', seq }, linkBase, now);
  return { row, linkToken };
}
