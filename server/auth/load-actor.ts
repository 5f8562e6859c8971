import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/server/context';

/** The actor for a user id, or null when the user does not exist or is deactivated. */
export function loadActiveActor(db: DbOrTx, userId: string): Actor | null {
  const row = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      dealerId: users.dealerId,
      pointOfSaleId: users.pointOfSaleId,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .get();
  return row ?? null;
}
