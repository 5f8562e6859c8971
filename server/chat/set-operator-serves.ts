import { and, eq } from 'drizzle-orm';
import { first } from '@/db/client';
import type { OperatorServes } from '@/db/column-values';
import { users } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import { changePresence, ensurePresence } from './operator-presence';
import { routeWaitingChats, routingTransaction } from './route-waiting-chats';
import { routingContext } from './routing-context';

/**
 * Admin assigns which chats an operator takes: dealers', subscribers' or both
 * (operator_presence.serves). Chats already offered or accepted stay; routing runs again at once,
 * so a chat of a class the operator now serves can be offered to them.
 */
export async function setOperatorServes({ ctx, input }: { ctx: SignedInContext; input: { operatorId: string; serves: OperatorServes } }) {
  return routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    const user = await first(tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.operatorId), eq(users.role, 'operator'))));
    if (!user) throw notFound('Operator');
    const before = await ensurePresence(tx, user.id, now);
    await changePresence(tx, emitter, user.id, { serves: input.serves }, now);
    await writeAuditEvent(tx, { at: now, ...auditActor(ctx.actor), action: 'operator.serves', entityType: 'user', entityId: user.id, data: { from: before.serves, serves: input.serves } });
    await routeWaitingChats(tx, emitter, routingContext(ctx));
    return { operatorId: user.id, serves: input.serves };
  });
}
