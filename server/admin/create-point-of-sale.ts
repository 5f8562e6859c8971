import { eq } from 'drizzle-orm';
import { first, inTransaction } from '@/db/client';
import { dealers, pointsOfSale } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import type { CreatePointOfSaleInput, PointOfSaleDto } from './schemas';

export async function createPointOfSale({ ctx, input }: { ctx: SignedInContext; input: CreatePointOfSaleInput }): Promise<PointOfSaleDto> {
  return inTransaction(ctx.db, async (tx) => {
    const dealer = await first(tx.select({ id: dealers.id, name: dealers.name }).from(dealers).where(eq(dealers.id, input.dealerId)));
    if (!dealer) throw notFound('Dealer company');
    const [row] = await tx
      .insert(pointsOfSale)
      .values({ ...input, createdAt: ctx.clock.now() })
      .returning();
    if (!row) throw new Error('the insert returned no row');
    await writeAuditEvent(tx, {
      at: ctx.clock.now(),
      ...auditActor(ctx.actor),
      action: 'point_of_sale.create',
      entityType: 'point_of_sale',
      entityId: row.id,
      data: { dealerId: row.dealerId, name: row.name, town: row.town, address: row.address },
    });
    return { ...row, dealerName: dealer.name };
  });
}
