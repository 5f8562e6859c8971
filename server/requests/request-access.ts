import { and, desc, eq, sql } from 'drizzle-orm';
import { first, type DbOrTx, type Tx } from '@/db/client';
import { attachments, counters, requestCategories, requestMessages, requests } from '@/db/schema';
import type { RequestMessageKind } from '@/db/column-values';
import { notFound } from '@/server/errors/domain-error';
import { kyivDate } from '@/server/time/kyiv';
import type { RequestCategoryRow, RequestRow } from './request-types';
import type { StoredRequestFile } from './request-files';

/** Z-2026-000123: a yearly counter, taken inside the transaction. */
export async function nextRequestNumber(tx: Tx, now: Date): Promise<string> {
  const year = kyivDate(now).slice(0, 4);
  const [row] = await tx
    .insert(counters)
    .values({ name: `request-${year}`, value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning();
  if (!row) throw new Error('the insert returned no row');
  return `Z-${year}-${String(row.value).padStart(6, '0')}`;
}

export async function findRequest(db: DbOrTx, id: string): Promise<RequestRow> {
  const row = await first(db.select().from(requests).where(eq(requests.id, id)));
  if (!row) throw notFound('Request');
  return row;
}

export async function findCategory(db: DbOrTx, key: string): Promise<RequestCategoryRow> {
  const row = await first(db.select().from(requestCategories).where(eq(requestCategories.key, key)));
  if (!row) throw notFound('Category');
  return row;
}

/** An active category, or a refusal naming the field. */
export async function activeCategory(db: DbOrTx, key: string): Promise<RequestCategoryRow> {
  const row = await first(db.select().from(requestCategories).where(and(eq(requestCategories.key, key), eq(requestCategories.active, true))));
  if (!row) throw notFound('Category');
  return row;
}

/** Appends a line to a request (numbered after the last one); the caller holds the request's version (moveRequest). */
export async function appendRequestMessage(
  tx: Tx,
  requestId: string,
  line: { kind: RequestMessageKind; authorId: string | null; body: string; attachmentId?: string | null },
  now: Date,
): Promise<number> {
  const last = await first(tx.select({ seq: requestMessages.seq }).from(requestMessages).where(eq(requestMessages.requestId, requestId)).orderBy(desc(requestMessages.seq)).limit(1));
  const seq = (last?.seq ?? 0) + 1;
  await tx.insert(requestMessages).values({ requestId, seq, kind: line.kind, authorId: line.authorId, body: line.body, attachmentId: line.attachmentId ?? null, createdAt: now });
  return seq;
}

/** Files already checked and stored (./request-files.ts) become the request's attachments, one line each. */
export async function attachRequestFiles(
  tx: Tx,
  request: RequestRow,
  files: StoredRequestFile[],
  by: { kind: 'subscriber' | 'reply'; authorId: string | null; visitorId: string | null },
  now: Date,
): Promise<void> {
  for (const file of files) {
    const [row] = await tx
      .insert(attachments)
      .values({ requestId: request.id, chatId: null, uploaderId: by.authorId, visitorId: by.visitorId, fileName: file.fileName, mime: file.mime, size: file.size, sha256: file.sha256, storageKey: file.storageKey, createdAt: now })
      .returning({ id: attachments.id });
    if (!row) throw new Error('the attachment insert returned no row');
    await appendRequestMessage(tx, request.id, { kind: by.kind, authorId: by.authorId, body: file.fileName, attachmentId: row.id }, now);
  }
}
