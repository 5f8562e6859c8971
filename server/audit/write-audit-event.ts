import { desc } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { auditHash, GENESIS_HASH, type AuditContent } from './audit-hash';

/**
 * Appends one event to the hash chain. Call it inside the transaction that makes the change:
 * the write lock taken by BEGIN IMMEDIATE keeps the chain linear.
 */
export function writeAuditEvent(tx: Tx, content: AuditContent): void {
  const last = tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1).get();
  const prevHash = last?.hash ?? GENESIS_HASH;
  tx.insert(auditEvents)
    .values({ ...content, prevHash, hash: auditHash(prevHash, content) })
    .run();
}
