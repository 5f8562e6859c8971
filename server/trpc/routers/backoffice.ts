import { applicationChangedDto } from '@/server/applications/schemas';
import { approveApplication } from '@/server/backoffice/approve-application';
import { claimInput, decideInput } from '@/server/backoffice/back-office-step';
import { claimApplication } from '@/server/backoffice/claim-application';
import { rejectApplication, rejectInput } from '@/server/backoffice/reject-application';
import { releaseApplication } from '@/server/backoffice/release-application';
import { backOfficeReturnInput, returnToDealer } from '@/server/backoffice/return-to-dealer';
import { queueFilterOptions } from '@/server/backoffice/filter-options';
import { queueInput, readQueue } from '@/server/backoffice/queue';
import { getReview, reviewDto } from '@/server/backoffice/review';
import { filterOptionsDto, queueDto } from '@/server/backoffice/schemas';
import { roleProcedure, router } from '../init';
import { backofficeRequestsRouter } from './backoffice-requests';

const backoffice = roleProcedure('backoffice');
const reader = roleProcedure('backoffice', 'admin');

export const backofficeRouter = router({
  queue: reader.input(queueInput).output(queueDto).query(({ ctx, input }) => readQueue({ ctx, input })),
  filterOptions: reader.output(filterOptionsDto).query(({ ctx }) => queueFilterOptions({ ctx })),
  review: reader
    .input(claimInput)
    .output(reviewDto)
    .query(({ ctx, input }) => getReview({ ctx, input })),
  claim: backoffice.input(claimInput).output(applicationChangedDto).mutation(({ ctx, input }) => claimApplication({ ctx, input })),
  release: backoffice.input(claimInput).output(applicationChangedDto).mutation(({ ctx, input }) => releaseApplication({ ctx, input })),
  approve: backoffice.input(decideInput).output(applicationChangedDto).mutation(({ ctx, input }) => approveApplication({ ctx, input })),
  reject: backoffice.input(rejectInput).output(applicationChangedDto).mutation(({ ctx, input }) => rejectApplication({ ctx, input })),
  /** Written requests (docs/requests.md). */
  requests: backofficeRequestsRouter,
  return: backoffice.input(backOfficeReturnInput).output(applicationChangedDto).mutation(({ ctx, input }) => returnToDealer({ ctx, input })),
});
