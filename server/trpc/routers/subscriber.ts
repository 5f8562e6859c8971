import { confirmByLink } from '@/server/subscriber/confirm-by-link';
import { disputeByLink, disputeInput } from '@/server/subscriber/dispute-by-link';
import { tokenInput } from '@/server/subscriber/subscriber-link';
import { viewLink } from '@/server/subscriber/view-link';
import { linkAnswerDto, linkViewDto } from '@/server/subscriber/schemas';
import { publicProcedure, router } from '../init';

/** The subscriber's confirmation link: no account, the token is the key (rate-limited per address). */
export const subscriberRouter = router({
  view: publicProcedure.input(tokenInput).output(linkViewDto).query(({ ctx, input }) => viewLink({ ctx, input })),
  confirm: publicProcedure.input(tokenInput).output(linkAnswerDto).mutation(({ ctx, input }) => confirmByLink({ ctx, input })),
  dispute: publicProcedure.input(disputeInput).output(linkAnswerDto).mutation(({ ctx, input }) => disputeByLink({ ctx, input })),
});
