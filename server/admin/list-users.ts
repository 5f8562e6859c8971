import { asc, eq } from 'drizzle-orm';
import { first, type DbOrTx } from '@/db/client';
import { dealers, pointsOfSale, users } from '@/db/schema';
import type { VerbContext } from '@/server/context';
import type { UserDto } from './schemas';

function selectUsers(db: DbOrTx) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      dealerId: users.dealerId,
      dealerName: dealers.name,
      pointOfSaleId: users.pointOfSaleId,
      pointOfSaleName: pointsOfSale.name,
      createdAt: users.createdAt,
    })
    .from(users)
    .leftJoin(dealers, eq(dealers.id, users.dealerId))
    .leftJoin(pointsOfSale, eq(pointsOfSale.id, users.pointOfSaleId));
}

export async function listUsers({ ctx }: { ctx: VerbContext }): Promise<UserDto[]> {
  return selectUsers(ctx.db).orderBy(asc(users.role), asc(users.email));
}

export async function findUser(db: DbOrTx, userId: string): Promise<UserDto | undefined> {
  return first(selectUsers(db).where(eq(users.id, userId)));
}
