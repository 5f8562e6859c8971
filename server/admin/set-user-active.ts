import { eq } from 'drizzle-orm';
import { inTransaction } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { forgetUserSessions } from '@/server/auth/session-cache';
import { announceSessionChange } from '@/server/auth/session-signals';
import type { SignedInContext } from '@/server/context';
import { conflict, notFound } from '@/server/errors/domain-error';
import { findUser } from './list-users';
import type { UserDto } from './schemas';

/**
 * Deactivates or reactivates a user. Deactivation deletes the user's sessions in the same
 * transaction as the change and its audit event, so reactivating never brings them back; after
 * the commit this process forgets the user's cached cookies and tells open streams to re-check
 * (other processes read the session row on every request and re-check streams periodically).
 */
export async function setUserActive({ ctx, input }: { ctx: SignedInContext; input: { userId: string; active: boolean } }): Promise<UserDto> {
  const result = await inTransaction(ctx.db, async (tx) => {
    const user = await findUser(tx, input.userId);
    if (!user) throw notFound('User');
    if (!input.active && user.id === ctx.actor.id) {
      throw conflict('errors.cannotDeactivateSelf', 'You cannot deactivate your own account');
    }
    if (user.active === input.active) return user;
    await tx.update(users).set({ active: input.active, updatedAt: ctx.clock.now() }).where(eq(users.id, user.id));
    if (!input.active) await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await writeAuditEvent(tx, {
      at: ctx.clock.now(),
      ...auditActor(ctx.actor),
      action: input.active ? 'user.reactivate' : 'user.deactivate',
      entityType: 'user',
      entityId: user.id,
      data: { email: user.email },
    });
    return { ...user, active: input.active };
  });
  if (!input.active) {
    forgetUserSessions(result.id);
    announceSessionChange({ userId: result.id });
  }
  return result;
}
