import { eq } from 'drizzle-orm';
import { inTransaction } from '@/db/client';
import { cannedReplies } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import { toCannedReplyDto, type CannedReplyDto, type UpdateCannedReplyInput } from './canned-reply-schemas';

/** A canned reply's scope, titles and texts changed. */
export async function updateCannedReply({ ctx, input }: { ctx: SignedInContext; input: UpdateCannedReplyInput }): Promise<CannedReplyDto> {
  const { id, ...values } = input;
  return inTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .update(cannedReplies)
      .set({ ...values, updatedAt: now })
      .where(eq(cannedReplies.id, id))
      .returning();
    if (!row) throw notFound('Canned reply');
    await writeAuditEvent(tx, { at: now, ...auditActor(ctx.actor), action: 'canned_reply.update', entityType: 'canned_reply', entityId: row.id, data: { scope: row.scope, titleUk: row.titleUk } });
    return toCannedReplyDto(row);
  });
}
