import { asc, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { auditHash, GENESIS_HASH } from './audit-hash';

export type AuditChainReport = { ok: true; events: number } | { ok: false; events: number; brokenAt: number; reason: string };

/** Walks the whole chain and names the first event whose link or hash does not match. */
export async function verifyAuditChain(db: Db): Promise<AuditChainReport> {
  let prevHash = GENESIS_HASH;
  let count = 0;
  for await (const row of rowsInOrder(db)) {
    count += 1;
    if (row.prevHash !== prevHash) {
      return { ok: false, events: count, brokenAt: row.seq, reason: 'previous hash does not match the event before it' };
    }
    const expected = auditHash(prevHash, {
      at: row.at,
      actorId: row.actorId,
      actorRole: row.actorRole,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      data: row.data,
    });
    if (row.hash !== expected) return { ok: false, events: count, brokenAt: row.seq, reason: 'content was changed after it was written' };
    prevHash = row.hash;
  }
  return { ok: true, events: count };
}

/** All events in sequence order, read in pages so a long log does not sit in memory at once. */
async function* rowsInOrder(db: Db, pageSize = 1000) {
  let after = 0;
  for (;;) {
    const page = await db.select().from(auditEvents).where(gt(auditEvents.seq, after)).orderBy(asc(auditEvents.seq)).limit(pageSize);
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = last.seq;
  }
}
