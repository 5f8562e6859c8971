/**
 * The routing context every chat verb hands to routeWaitingChats (clock, scheduler, and the offer
 * time-out's handler). It lives beside expireOffer, which it calls and which routes again with it.
 */
export { routingContext } from './expire-offer';
