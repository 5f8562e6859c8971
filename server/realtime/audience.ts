import { and, asc, eq, gt, isNull, max, or, type SQL } from 'drizzle-orm';
import { first, type DbOrTx } from '@/db/client';
import { realtimeEvents } from '@/db/schema';
import type { Actor } from '@/server/context';
import type { BusEvent } from './event-bus';
import type { Audience, RealtimeEventBody } from './events';

/**
 * Who may receive an event is declared with it (`Audience`, server/realtime/events.ts); this file
 * is the one place that knows how an audience is stored (the columns of realtime_events) and
 * matched against an actor, live and in the stored log. Admins receive every event.
 */
type AudienceColumns = Pick<typeof realtimeEvents.$inferSelect, 'dealerId' | 'dealerUserId' | 'operatorId' | 'visitorId' | 'allOperators'>;

export function columnsOf(audience: Audience): AudienceColumns {
  const columns: AudienceColumns = { dealerId: null, dealerUserId: null, operatorId: null, visitorId: null, allOperators: false };
  for (const recipient of audience) {
    switch (recipient.kind) {
      case 'role':
        columns.allOperators = true;
        break;
      case 'operator':
        columns.operatorId = recipient.userId;
        break;
      case 'dealer':
        columns.dealerId = recipient.dealerId;
        columns.dealerUserId = recipient.userId;
        break;
      case 'visitor':
        columns.visitorId = recipient.visitorId;
        break;
    }
  }
  return columns;
}

export function audienceOf(columns: AudienceColumns): Audience {
  const audience: Audience = [];
  if (columns.allOperators) audience.push({ kind: 'role', role: 'operator' });
  if (columns.operatorId !== null) audience.push({ kind: 'operator', userId: columns.operatorId });
  if (columns.dealerId !== null) audience.push({ kind: 'dealer', dealerId: columns.dealerId, userId: columns.dealerUserId });
  if (columns.visitorId !== null) audience.push({ kind: 'visitor', visitorId: columns.visitorId });
  return audience;
}

/**
 * Whether an actor may receive an event: a dealer gets their dealer company's events addressed to
 * them (or to the whole company); an operator their own and all operators'. Admins see all.
 */
export function canReceive(actor: Actor, event: Pick<BusEvent, 'audience'>): boolean {
  if (actor.role === 'admin') return true;
  return event.audience.some((recipient) => {
    switch (recipient.kind) {
      case 'role':
        return actor.role === recipient.role;
      case 'operator':
        return actor.role === 'operator' && actor.id === recipient.userId;
      case 'dealer':
        return actor.role === 'dealer' && actor.dealerId === recipient.dealerId && (recipient.userId === null || recipient.userId === actor.id);
      default:
        return false;
    }
  });
}

/** `canReceive` as a filter on the stored log. */
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

/** A stored row as the event it was made as (its body was validated against the union when it was made). */
export function eventOfRow(row: typeof realtimeEvents.$inferSelect): BusEvent {
  const { id, type, chatId, payload, createdAt } = row;
  return { id, chatId, createdAt, audience: audienceOf(row), ...({ type, payload } as RealtimeEventBody) };
}

/** Stored events after `afterId` that the actor may receive, oldest first (for resuming a stream). */
export async function storedEventsAfter(db: DbOrTx, actor: Actor, afterId: number, limit = 1000): Promise<BusEvent[]> {
  const rows = await db
    .select()
    .from(realtimeEvents)
    .where(and(gt(realtimeEvents.id, afterId), audienceFilter(actor)))
    .orderBy(asc(realtimeEvents.id))
    .limit(limit);
  return rows.map(eventOfRow);
}

export async function latestEventId(db: DbOrTx): Promise<number> {
  return (await first(db.select({ id: max(realtimeEvents.id) }).from(realtimeEvents)))?.id ?? 0;
}

/** Whether an event is addressed to a widget visitor: the one test of the widget's feed, live and in the log (visitorFilter). */
export function visitorMayReceive(visitorId: string, event: Pick<BusEvent, 'audience'>): boolean {
  return event.audience.some((recipient) => recipient.kind === 'visitor' && recipient.visitorId === visitorId);
}

/** `visitorMayReceive` as a filter on the stored log. */
export function visitorFilter(visitorId: string): SQL {
  return eq(realtimeEvents.visitorId, visitorId);
}

/** Stored events after `afterId` addressed to a widget visitor, oldest first (the widget's feed resuming). */
export async function storedVisitorEventsAfter(db: DbOrTx, visitorId: string, afterId: number, limit = 1000): Promise<BusEvent[]> {
  const rows = await db
    .select()
    .from(realtimeEvents)
    .where(and(gt(realtimeEvents.id, afterId), visitorFilter(visitorId)))
    .orderBy(asc(realtimeEvents.id))
    .limit(limit);
  return rows.map(eventOfRow);
}
