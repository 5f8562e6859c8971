import { desc, sql } from 'drizzle-orm';
import { dialectOf, first, rawRows, type Tx } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { auditHash, GENESIS_HASH, type AuditContent } from './audit-hash';

/** The advisory lock that makes the audit chain's appends one at a time on PostgreSQL. */
const AUDIT_CHAIN_LOCK = 7_311_002;

/**
 * Appends one event to the hash chain. Call it inside the transaction that makes the change.
 * One writer at a time per chain: on SQLite the write lock taken by BEGIN IMMEDIATE; on
 * PostgreSQL a transaction-scoped advisory lock, held until the commit, so the next append reads
 * this one's hash as the chain's head.
 */
export async function writeAuditEvent(tx: Tx, content: AuditContent): Promise<void> {
  if (dialectOf(tx) === 'postgres') await rawRows(tx, sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const last = await first(tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1));
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({ ...content, prevHash, hash: auditHash(prevHash, content) });
}
