import { desc } from 'drizzle-orm';
import { first, holdClusterLock, type Tx } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { auditHash, GENESIS_HASH, type AuditContent } from './audit-hash';

/**
 * Appends one event to the hash chain. Call it inside the transaction that makes the change.
 * One writer at a time per chain: on SQLite the write lock taken by BEGIN IMMEDIATE; on
 * PostgreSQL a transaction-scoped advisory lock, held until the commit, so the next append reads
 * this one's hash as the chain's head.
 */
export async function writeAuditEvent(tx: Tx, content: AuditContent): Promise<void> {
  await holdClusterLock(tx, 'auditChain');
  const last = await first(tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1));
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({ ...content, prevHash, hash: auditHash(prevHash, content) });
}
