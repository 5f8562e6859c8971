import { eq } from 'drizzle-orm';
import { first, inTransaction } from '@/db/client';
import { dealers } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { conflict } from '@/server/errors/domain-error';
import type { CreateDealerInput, DealerDto } from './schemas';

export async function createDealer({ ctx, input }: { ctx: SignedInContext; input: CreateDealerInput }): Promise<DealerDto> {
  return inTransaction(ctx.db, async (tx) => {
    const taken = () => conflict('errors.edrpouTaken', `A dealer company with EDRPOU ${input.edrpou} already exists`);
    const existing = await first(tx.select({ id: dealers.id }).from(dealers).where(eq(dealers.edrpou, input.edrpou)));
    if (existing) throw taken();
    // On PostgreSQL another transaction may insert the same EDRPOU after the check: the unique key decides.
    const [row] = await tx
      .insert(dealers)
      .values({ name: input.name, edrpou: input.edrpou, createdAt: ctx.clock.now() })
      .onConflictDoNothing({ target: dealers.edrpou })
      .returning();
    if (!row) throw taken();
    await writeAuditEvent(tx, {
      at: ctx.clock.now(),
      ...auditActor(ctx.actor),
      action: 'dealer.create',
      entityType: 'dealer',
      entityId: row.id,
      data: { name: row.name, edrpou: row.edrpou },
    });
    return { ...row, pointsOfSale: 0, users: 0 };
  });
}
