import { and, eq } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import { first, inTransaction, type Db } from '@/db/client';
import { accounts, pointsOfSale, users } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { Actor, Clock } from '@/server/context';
import { conflict, invalid } from '@/server/errors/domain-error';
import { findUser } from './list-users';
import type { CreateUserInput, UserDto } from './schemas';

/**
 * Creates a person who can sign in: the user row and better-auth's credential account, in one
 * transaction. The password is hashed (scrypt) before the transaction opens, since hashing is async.
 * `actor` is null only for the first admin created at start-up.
 */
export async function createUser({
  ctx,
  input,
}: {
  ctx: { db: Db; actor: Actor | null; clock: Clock };
  input: CreateUserInput;
}): Promise<UserDto> {
  const passwordHash = await hashPassword(input.password);
  const taken = () => conflict('errors.emailTaken', `A user with e-mail ${input.email} already exists`);
  return inTransaction(ctx.db, async (tx) => {
    if (await first(tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)))) throw taken();
    if (input.role === 'dealer' && input.dealerId && input.pointOfSaleId) {
      const pos = await first(
        tx
          .select({ id: pointsOfSale.id })
          .from(pointsOfSale)
          .where(and(eq(pointsOfSale.id, input.pointOfSaleId), eq(pointsOfSale.dealerId, input.dealerId))),
      );
      if (!pos) throw invalid('errors.pointOfSaleNotOfDealer', 'The point of sale does not belong to this dealer company');
    }
    const now = ctx.clock.now();
    const id = crypto.randomUUID();
    // On PostgreSQL another transaction may take the e-mail after the check: the unique key decides.
    const inserted = await tx
      .insert(users)
      .values({
        id,
        name: input.name,
        email: input.email,
        emailVerified: true,
        role: input.role,
        dealerId: input.role === 'dealer' ? (input.dealerId ?? null) : null,
        pointOfSaleId: input.role === 'dealer' ? (input.pointOfSaleId ?? null) : null,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (inserted.length === 0) throw taken();
    await tx
      .insert(accounts)
      .values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash, createdAt: now, updatedAt: now });
    await writeAuditEvent(tx, {
      at: now,
      ...auditActor(ctx.actor),
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      data: { email: input.email, role: input.role, dealerId: input.dealerId ?? null, pointOfSaleId: input.pointOfSaleId ?? null },
    });
    const created = await findUser(tx, id);
    if (!created) throw new Error('created user vanished inside its own transaction');
    return created;
  });
}
