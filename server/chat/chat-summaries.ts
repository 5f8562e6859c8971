import { and, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias, type DbOrTx } from '@/db/client';
import { chatMessages, chatReads, chats, dealers, pointsOfSale, users, visitors } from '@/db/schema';
import type { Actor } from '@/server/context';
import { queuePlaceOf, queueState } from './queue-state';
import type { ChatSummary } from './schemas';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';
import { visitorDisplayName } from './visitor-author';

/** Chats as lists show them, with the actor's unread count and, for waiting chats, the queue place. */
export async function chatSummaries(db: DbOrTx, actor: Actor, where: SQL | undefined, now: Date, limit = 100): Promise<ChatSummary[]> {
  // Made per call, of the tables of the process's dialect (chosen at start-up, after this module loads).
  const dealerUser = alias(users, 'dealer_user');
  const operatorUser = alias(users, 'operator_user');
  const myRead = sql<number>`coalesce((select ${chatReads.lastReadSeq} from ${chatReads} where ${chatReads.chatId} = ${chats.id} and ${chatReads.userId} = ${actor.id}), 0)`;
  const hideNotes = actor.role === 'dealer' ? sql`and m.kind <> 'note'` : sql``;
  const rows = await db
    .select({
      id: chats.id,
      class: chats.class,
      visitorMsisdn: visitors.msisdn,
      visitorEmail: visitors.email,
      visitorVerifiedBy: visitors.verifiedBy,
      status: chats.status,
      topic: chats.topic,
      dealerName: dealers.name,
      posName: pointsOfSale.name,
      posTown: pointsOfSale.town,
      dealerUserName: dealerUser.name,
      operatorId: chats.operatorId,
      operatorName: operatorUser.name,
      createdAt: chats.createdAt,
      acceptedAt: chats.acceptedAt,
      closedAt: chats.closedAt,
      lastSeq: chats.lastSeq,
      rating: chats.rating,
      offeredTo: chats.offeredTo,
      awaitingReplySince: sql`case when ${chats.status} in ('queued', 'active') then (
        select case when last_reply.seq is null then ${chats.createdAt}
          else (select min(d.created_at) from ${chatMessages} d left join ${users} du on du.id = d.author_id where d.chat_id = ${chats.id} and (du.role = 'dealer' or d.visitor_id is not null) and d.seq > last_reply.seq) end
        from (select max(o.seq) as seq from ${chatMessages} o join ${users} ou on ou.id = o.author_id where o.chat_id = ${chats.id} and ou.role = 'operator' and o.kind <> 'note') as last_reply
      ) end`.mapWith(chats.createdAt),
      unread: sql<number>`(select count(*) from ${chatMessages} m where m.chat_id = ${chats.id} and m.seq > ${myRead} and m.kind <> 'system' and (m.author_id is null or m.author_id <> ${actor.id}) ${hideNotes})`.mapWith(Number),
    })
    .from(chats)
    // A subscriber's chat (through the widget) has a visitor instead of a dealer.
    .leftJoin(dealers, eq(dealers.id, chats.dealerId))
    .leftJoin(dealerUser, eq(dealerUser.id, chats.dealerUserId))
    .leftJoin(visitors, eq(visitors.id, chats.visitorId))
    .leftJoin(pointsOfSale, eq(pointsOfSale.id, chats.pointOfSaleId))
    .leftJoin(operatorUser, eq(operatorUser.id, chats.operatorId))
    .where(where)
    .orderBy(desc(chats.createdAt))
    .limit(limit);
  const queue = rows.some((r) => r.status === 'queued') ? (await queueState(db, now)).places : new Map();
  return rows.map(({ posName, posTown, offeredTo, awaitingReplySince, visitorMsisdn, visitorEmail, visitorVerifiedBy, dealerName, dealerUserName, ...r }) => {
    const place = queue.get(r.id);
    const visitorName = visitorDisplayName({ msisdn: visitorMsisdn, email: visitorEmail });
    return {
      ...r,
      // A subscriber's chat names its visitor where a dealer's names the company and the representative.
      dealerName: dealerName ?? visitorName,
      dealerUserName: dealerUserName ?? visitorName,
      visitor: r.class === 'subscriber' ? { msisdn: visitorMsisdn, email: visitorEmail, verifiedBy: visitorVerifiedBy } : null,
      // A time of the chat (its start or a message's), read as the column reads it; null once answered.
      awaitingReplySince: (awaitingReplySince as Date | null) ?? null,
      pointOfSale: pointOfSaleLabel(posName, posTown),
      queue: place ? queuePlaceOf(place) : null,
      offeredToMe: offeredTo === actor.id,
    };
  });
}

/** Which chats each role lists: the dealer company's; the operator's own and those offered to them; all for admins. */
export function visibleChatsFilter(actor: Actor): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  if (actor.role === 'dealer') return eq(chats.dealerId, actor.dealerId ?? '\u0000');
  if (actor.role === 'operator') return or(eq(chats.operatorId, actor.id), eq(chats.offeredTo, actor.id));
  return eq(chats.id, '\u0000');
}

export const andAll = (...parts: (SQL | undefined)[]) => and(...parts.filter((p): p is SQL => p !== undefined));
