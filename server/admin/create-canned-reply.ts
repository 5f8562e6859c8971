import { inTransaction } from '@/db/client';
import { cannedReplies } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { toCannedReplyDto, type CannedReplyDto, type CreateCannedReplyInput } from './canned-reply-schemas';

/** A new canned reply in both languages (active at once). */
export async function createCannedReply({ ctx, input }: { ctx: SignedInContext; input: CreateCannedReplyInput }): Promise<CannedReplyDto> {
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(cannedReplies)
      .values({ ...input, active: true, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error('the insert returned no row');
    await writeAuditEvent(tx, { at: now, ...auditActor(ctx.actor), action: 'canned_reply.create', entityType: 'canned_reply', entityId: row.id, data: { scope: row.scope, titleUk: row.titleUk } });
    return toCannedReplyDto(row);
  });
}
