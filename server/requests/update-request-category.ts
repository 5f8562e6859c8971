import { eq } from 'drizzle-orm';
import { inTransaction } from '@/db/client';
import { requestCategories } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import type { RequestCategoryDto } from './schemas';

/** An admin changes a category's names, promised times (for requests submitted from now on), order, or whether it is offered. */
export async function updateRequestCategory({ ctx, input }: { ctx: SignedInContext; input: RequestCategoryDto }) {
  return inTransaction(ctx.db, async (tx) => {
    const { key, ...changes } = input;
    const [row] = await tx.update(requestCategories).set(changes).where(eq(requestCategories.key, key)).returning();
    if (!row) throw notFound('Category');
    await writeAuditEvent(tx, { at: ctx.clock.now(), ...auditActor(ctx.actor), action: 'request_category.update', entityType: 'request_category', entityId: key, data: changes });
    return row;
  });
}
