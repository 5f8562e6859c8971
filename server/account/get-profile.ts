import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { first } from '@/db/client';
import { dealers, pointsOfSale } from '@/db/schema';
import { ROLES } from '@/server/auth/roles';
import type { SignedInContext } from '@/server/context';

export const profileDto = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  dealer: z.object({ id: z.string(), name: z.string(), edrpou: z.string() }).nullable(),
  pointOfSale: z.object({ id: z.string(), name: z.string(), town: z.string(), address: z.string() }).nullable(),
});
export type Profile = z.infer<typeof profileDto>;

/** Who is signed in, with the dealer company and point of sale a dealer works for. */
export async function getProfile({ ctx }: { ctx: SignedInContext }): Promise<Profile> {
  const { actor, db } = ctx;
  const dealer = actor.dealerId
    ? ((await first(db.select({ id: dealers.id, name: dealers.name, edrpou: dealers.edrpou }).from(dealers).where(eq(dealers.id, actor.dealerId)))) ?? null)
    : null;
  const pointOfSale = actor.pointOfSaleId
    ? ((await first(
        db
          .select({ id: pointsOfSale.id, name: pointsOfSale.name, town: pointsOfSale.town, address: pointsOfSale.address })
          .from(pointsOfSale)
          .where(eq(pointsOfSale.id, actor.pointOfSaleId)),
      )) ?? null)
    : null;
  return { id: actor.id, name: actor.name, email: actor.email, role: actor.role, dealer, pointOfSale };
}
