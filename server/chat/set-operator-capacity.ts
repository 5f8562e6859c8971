import { and, eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { users } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import { operatorRecipient } from '@/server/realtime/events';
import { changePresence, ensurePresence } from './operator-presence';
import { routeWaitingChats, routingTransaction } from './route-waiting-chats';
import { routingContext } from './routing-context';

/** Admin sets how many chats an operator takes at once; a raised capacity drains the queue at once. */
export async function setOperatorCapacity({ ctx, input }: { ctx: SignedInContext; input: { userId: string; capacity: number } }) {
  return routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const user = await first(tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.userId), eq(users.role, 'operator'))));
    if (!user) throw notFound('Operator');
    await ensurePresence(tx, user.id, now);
    await changePresence(tx, emitter, user.id, { capacity: input.capacity }, now);
    await writeAuditEvent(tx, { at: now, ...auditActor(ctx.actor), action: 'operator.capacity', entityType: 'user', entityId: user.id, data: { capacity: input.capacity } });
    await emitter.emit({ type: 'operator.capacity', audience: [operatorRecipient(user.id)], payload: { capacity: input.capacity } });
    await routeWaitingChats(tx, emitter, routingContext(ctx));
    return { userId: user.id, capacity: input.capacity };
  });
}
