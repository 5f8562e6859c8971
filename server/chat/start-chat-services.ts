import { and, eq, isNotNull } from 'drizzle-orm';
import { chats } from '@/db/schema';
import type { VerbContext } from '@/server/context';
import { logger } from '@/server/config/logger';
import { expireOffer } from './expire-offer';
import { sweepExpiredOffers } from './sweep-expired-offers';
import { sweepStalePresence } from './sweep-stale-presence';
import { routeWaitingChats, routingTransaction } from './route-waiting-chats';
import { routingContext } from './routing-context';

const SWEEP_INTERVAL_MS = 15_000;
/** How often the rows are read for offers past their time (the timers are the prompt path). */
const OFFER_SWEEP_INTERVAL_MS = 2_000;

/**
 * After a restart: re-arm the time-outs of offers still pending, route whatever waits, and keep
 * presence honest (operators whose heartbeat stopped go offline). Offers are also swept from the
 * rows every two seconds: with several processes the one that made an offer (and holds its
 * timer) may have died; whichever process gets there first expires it, once. Resolves, once the first routing
 * is done, with the function that stops the sweep.
 */
export async function startChatServices(ctx: VerbContext): Promise<() => void> {
  const pending = await ctx.db
    .select({ id: chats.id, expiresAt: chats.offerExpiresAt })
    .from(chats)
    .where(and(eq(chats.status, 'queued'), isNotNull(chats.offeredTo)));
  for (const offer of pending) {
    ctx.scheduler.at(offer.expiresAt ?? ctx.clock.now(), `offer:${offer.id}`, () => expireOffer({ ctx, input: { chatId: offer.id } }));
  }
  await routingTransaction(ctx, (tx, emitter) => routeWaitingChats(tx, emitter, routingContext(ctx)));
  const timer = setInterval(() => {
    sweepStalePresence({ ctx }).catch((error: unknown) => logger().error({ err: error }, 'presence sweep failed'));
  }, SWEEP_INTERVAL_MS);
  timer.unref();
  const offers = setInterval(() => {
    sweepExpiredOffers({ ctx }).catch((error: unknown) => logger().error({ err: error }, 'offer sweep failed'));
  }, OFFER_SWEEP_INTERVAL_MS);
  offers.unref();
  return () => {
    clearInterval(timer);
    clearInterval(offers);
  };
}
