import type { VerbContext } from '@/server/context';
import { expireOffer } from './expire-offer';
import type { RoutingContext } from './route-waiting-chats';

/** Routing needs the clock, the scheduler for offer time-outs, and what to do when one fires. */
export function routingContext(ctx: VerbContext): RoutingContext {
  return {
    clock: ctx.clock,
    scheduler: ctx.scheduler,
    onOfferExpired: (chatId) => expireOffer({ ctx: { ...ctx, actor: null }, input: { chatId } }),
  };
}
