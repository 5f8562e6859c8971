import { and, eq, lt, ne } from 'drizzle-orm';
import { inTransaction, type Tx } from '@/db/client';
import { operatorPresence, users, type OperatorStatus } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { SignedInContext, VerbContext } from '@/server/context';
import { notFound } from '@/server/errors/domain-error';
import { changeAndPublish } from '@/server/realtime/change-and-publish';
import { CHAT_LIMITS } from './chat-config';
import { routeWaitingChats } from './route-waiting-chats';
import { routingContext } from './routing-context';

/** The operator's presence row, created on first use (offline, default capacity). */
export function ensurePresence(tx: Tx, userId: string, now: Date) {
  const existing = tx.select().from(operatorPresence).where(eq(operatorPresence.userId, userId)).get();
  if (existing) return existing;
  return tx.insert(operatorPresence).values({ userId, status: 'offline', capacity: CHAT_LIMITS.defaultCapacity, updatedAt: now }).returning().get();
}

/**
 * available: takes chats; wrap_up: finishing current chats, no new ones; away / offline: none.
 * Going available counts as a heartbeat and drains the queue at once.
 */
export function setOperatorStatus({ ctx, input }: { ctx: SignedInContext; input: { status: OperatorStatus } }) {
  return changeAndPublish(ctx, (tx, emitter) => {
    const now = ctx.clock.now();
    ensurePresence(tx, ctx.actor.id, now);
    const presence = tx
      .update(operatorPresence)
      .set({
        status: input.status,
        updatedAt: now,
        lastHeartbeatAt: now,
        ...(input.status === 'available' ? { missedOffers: 0, idleSince: now } : {}),
      })
      .where(eq(operatorPresence.userId, ctx.actor.id))
      .returning()
      .get();
    emitter.emit({ type: 'operator.status', operatorId: ctx.actor.id, payload: { status: input.status } });
    routeWaitingChats(tx, emitter, routingContext(ctx));
    return { status: presence?.status ?? input.status };
  });
}

/** The console calls this every few seconds; a closed laptop stops calling and goes offline by itself. */
export function heartbeat({ ctx }: { ctx: SignedInContext }): { status: OperatorStatus } {
  const now = ctx.clock.now();
  return inTransaction(ctx.db, (tx) => {
    const presence = ensurePresence(tx, ctx.actor.id, now);
    tx.update(operatorPresence).set({ lastHeartbeatAt: now }).where(eq(operatorPresence.userId, ctx.actor.id)).run();
    return { status: presence.status };
  });
}

/** Admin sets how many chats an operator takes at once; a raised capacity drains the queue at once. */
export function setOperatorCapacity({ ctx, input }: { ctx: SignedInContext; input: { userId: string; capacity: number } }) {
  return changeAndPublish(ctx, (tx, emitter) => {
    const now = ctx.clock.now();
    const user = tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.userId), eq(users.role, 'operator'))).get();
    if (!user) throw notFound('Operator');
    ensurePresence(tx, user.id, now);
    tx.update(operatorPresence).set({ capacity: input.capacity, updatedAt: now }).where(eq(operatorPresence.userId, user.id)).run();
    writeAuditEvent(tx, { at: now, ...auditActor(ctx.actor), action: 'operator.capacity', entityType: 'user', entityId: user.id, data: { capacity: input.capacity } });
    emitter.emit({ type: 'operator.capacity', operatorId: user.id, payload: { capacity: input.capacity } });
    routeWaitingChats(tx, emitter, routingContext(ctx));
    return { userId: user.id, capacity: input.capacity };
  });
}

/** Operators whose heartbeat stopped go offline (their offers then time out and move on). */
export function sweepStalePresence({ ctx }: { ctx: VerbContext }): number {
  return changeAndPublish(ctx, (tx, emitter) => {
    const now = ctx.clock.now();
    const cutoff = new Date(now.getTime() - CHAT_LIMITS.heartbeatTimeoutMs);
    const stale = tx
      .update(operatorPresence)
      .set({ status: 'offline', updatedAt: now })
      .where(and(ne(operatorPresence.status, 'offline'), lt(operatorPresence.lastHeartbeatAt, cutoff)))
      .returning({ userId: operatorPresence.userId })
      .all();
    for (const { userId } of stale) emitter.emit({ type: 'operator.status', operatorId: userId, payload: { status: 'offline', reason: 'heartbeat' } });
    if (stale.length > 0) routeWaitingChats(tx, emitter, routingContext(ctx));
    return stale.length;
  });
}
