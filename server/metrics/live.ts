import { asc, eq } from 'drizzle-orm';
import { alias } from '@/db/client';
import { CHAT_CLASSES } from '@/db/column-values';
import { chats, dealers, pointsOfSale, users, visitors } from '@/db/schema';
import { pointOfSaleLabel } from '@/server/admin/point-of-sale-label';
import { byDeadline, classTargetsSeconds, servesClass } from '@/server/chat/class-targets';
import { listOperators } from '@/server/chat/list-operators';
import type { SignedInContext } from '@/server/context';

/**
 * The supervisor's live view: waiting chats of both classes in routing order (earliest deadline
 * first) with their wait against their class's target, operators with status, load and the class
 * they serve; counts for the whole queue and per class.
 */
export async function liveQueue({ ctx }: { ctx: SignedInContext }) {
  const now = ctx.clock.now();
  // Made per call: the tables are the process's dialect's only once the database is opened.
  const offeredTo = alias(users, 'offered_to');
  const rows = await ctx.db
    .select({
      id: chats.id,
      class: chats.class,
      createdAt: chats.createdAt,
      topic: chats.topic,
      dealerName: dealers.name,
      posName: pointsOfSale.name,
      posTown: pointsOfSale.town,
      visitorMsisdn: visitors.msisdn,
      visitorEmail: visitors.email,
      offeredToName: offeredTo.name,
    })
    .from(chats)
    .leftJoin(dealers, eq(dealers.id, chats.dealerId))
    .leftJoin(visitors, eq(visitors.id, chats.visitorId))
    .leftJoin(pointsOfSale, eq(pointsOfSale.id, chats.pointOfSaleId))
    .leftJoin(offeredTo, eq(offeredTo.id, chats.offeredTo))
    .where(eq(chats.status, 'queued'))
    .orderBy(asc(chats.createdAt), asc(chats.id));
  const targets = classTargetsSeconds();
  const waiting = byDeadline(rows).map(({ posName, posTown, visitorMsisdn, visitorEmail, ...c }) => {
    const waitSeconds = Math.max(0, Math.round((now.getTime() - c.createdAt.getTime()) / 1000));
    return {
      ...c,
      pointOfSale: pointOfSaleLabel(posName, posTown),
      /** A subscriber's proven number or address; null for a guest or a dealer's chat. */
      visitor: visitorMsisdn ?? visitorEmail ?? null,
      waitSeconds,
      targetSeconds: targets[c.class],
      overTarget: waitSeconds > targets[c.class],
    };
  });
  const operators = (await listOperators({ ctx })).map(({ email: _email, ...o }) => o);
  const taking = operators.filter((o) => o.status === 'available');
  return {
    now,
    waiting,
    operators,
    summary: {
      waiting: waiting.length,
      longestWaitSeconds: longestWait(waiting),
      available: taking.length,
      freeSlots: taking.reduce((s, o) => s + Math.max(0, o.capacity - o.load), 0),
      activeChats: operators.reduce((s, o) => s + o.load, 0),
      overTarget: waiting.filter((c) => c.overTarget).length,
    },
    byClass: CHAT_CLASSES.map((chatClass) => {
      const own = waiting.filter((c) => c.class === chatClass);
      return {
        class: chatClass,
        targetSeconds: targets[chatClass],
        waiting: own.length,
        longestWaitSeconds: longestWait(own),
        overTarget: own.filter((c) => c.overTarget).length,
        /** Available operators who take this class, and their free places. */
        available: taking.filter((o) => servesClass(o.serves, chatClass)).length,
        freeSlots: taking.filter((o) => servesClass(o.serves, chatClass)).reduce((s, o) => s + Math.max(0, o.capacity - o.load), 0),
      };
    }),
  };
}

const longestWait = (waiting: { waitSeconds: number }[]) => waiting.reduce((max, c) => Math.max(max, c.waitSeconds), 0);

export type LiveQueue = Awaited<ReturnType<typeof liveQueue>>;
