import { eq } from 'drizzle-orm';
import { inTransaction } from '@/db/client';
import { cannedReplies } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import { toCannedReplyDto, type CannedReplyDto } from './canned-reply-schemas';

/** Takes a canned reply out of the operators' picker, or puts it back (it is never deleted: the audit trail names it). */
export async function setCannedReplyActive({ ctx, input }: { ctx: SignedInContext; input: { id: string; active: boolean } }): Promise<CannedReplyDto> {
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx.update(cannedReplies).set({ active: input.active, updatedAt: now }).where(eq(cannedReplies.id, input.id)).returning();
    if (!row) throw notFound('Canned reply');
    await writeAuditEvent(tx, {
      at: now,
      ...auditActor(ctx.actor),
      action: input.active ? 'canned_reply.activate' : 'canned_reply.deactivate',
      entityType: 'canned_reply',
      entityId: row.id,
      data: {},
    });
    return toCannedReplyDto(row);
  });
}
