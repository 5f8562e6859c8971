import { and, asc, eq, gt, isNull, max, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { realtimeEvents } from '@/db/schema';
import type { Actor } from '@/server/context';
import type { BusEvent } from './event-bus';

/**
 * Whether an actor may receive an event: a dealer gets their dealer company's events addressed to
 * them (or to the whole company); an operator their own and all operators'. Admins see all.
 */
export function canReceive(actor: Actor, event: Pick<BusEvent, 'dealerId' | 'dealerUserId' | 'operatorId' | 'allOperators'>): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'dealer':
      return event.dealerId !== null && event.dealerId === actor.dealerId && (event.dealerUserId === null || event.dealerUserId === actor.id);
    case 'operator':
      return event.operatorId === actor.id || event.allOperators;
    default:
      return false;
  }
}

function audienceFilter(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case 'admin':
      return undefined;
    case 'dealer':
      return and(
        eq(realtimeEvents.dealerId, actor.dealerId ?? '\u0000'),
        or(isNull(realtimeEvents.dealerUserId), eq(realtimeEvents.dealerUserId, actor.id)),
      );
    case 'operator':
      return or(eq(realtimeEvents.operatorId, actor.id), eq(realtimeEvents.allOperators, true));
    default:
      return eq(realtimeEvents.id, -1);
  }
}

/** Stored events after `afterId` that the actor may receive, oldest first (for resuming a stream). */
export function storedEventsAfter(db: DbOrTx, actor: Actor, afterId: number, limit = 1000): BusEvent[] {
  return db
    .select()
    .from(realtimeEvents)
    .where(and(gt(realtimeEvents.id, afterId), audienceFilter(actor)))
    .orderBy(asc(realtimeEvents.id))
    .limit(limit)
    .all();
}

export function latestEventId(db: DbOrTx): number {
  return db.select({ id: max(realtimeEvents.id) }).from(realtimeEvents).get()?.id ?? 0;
}
