import { confirmByLink } from '@/server/subscriber/confirm-by-link';
import { disputeByLink, disputeInput } from '@/server/subscriber/dispute-by-link';
import { tokenInput } from '@/server/subscriber/subscriber-link';
import { viewLink } from '@/server/subscriber/view-link';
import { publicProcedure, router } from '../init';

/** The subscriber's confirmation link: no account, the token is the key (rate-limited per address). */
export const subscriberRouter = router({
  view: publicProcedure.input(tokenInput).query(({ ctx, input }) => viewLink({ ctx, input })),
  confirm: publicProcedure.input(tokenInput).mutation(({ ctx, input }) => confirmByLink({ ctx, input })),
  dispute: publicProcedure.input(disputeInput).mutation(({ ctx, input }) => disputeByLink({ ctx, input })),
});
