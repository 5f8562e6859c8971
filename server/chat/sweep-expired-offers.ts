import { and, asc, eq, isNotNull, lte } from 'drizzle-orm';
import { chats } from '@/db/schema';
import type { VerbContext } from '@/server/context';
import { expireOffer } from './expire-offer';

/**
 * Offers past their time, read from the rows: the in-memory timer of the process that made an
 * offer is only a hint, and that process may have died. Every process runs this now and then;
 * each offer is expired once, by whichever gets there first (expireOffer changes the chat only
 * if it is still offered to that operator until that time). Answers how many this call expired.
 */
export async function sweepExpiredOffers({ ctx }: { ctx: VerbContext }): Promise<number> {
  const due = await ctx.db
    .select({ id: chats.id })
    .from(chats)
    .where(and(eq(chats.status, 'queued'), isNotNull(chats.offeredTo), lte(chats.offerExpiresAt, ctx.clock.now())))
    .orderBy(asc(chats.offerExpiresAt));
  let expired = 0;
  for (const { id } of due) if (await expireOffer({ ctx: { ...ctx, actor: null }, input: { chatId: id } })) expired += 1;
  return expired;
}
