import { z } from 'zod';
import { approveApplication } from '@/server/backoffice/approve-application';
import { claimInput, decideInput } from '@/server/backoffice/back-office-step';
import { claimApplication } from '@/server/backoffice/claim-application';
import { rejectApplication, rejectInput } from '@/server/backoffice/reject-application';
import { releaseApplication } from '@/server/backoffice/release-application';
import { backOfficeReturnInput, returnToDealer } from '@/server/backoffice/return-to-dealer';
import { queueFilterOptions } from '@/server/backoffice/filter-options';
import { queueInput, readQueue } from '@/server/backoffice/queue';
import { getReview, reviewDto } from '@/server/backoffice/review';
import { roleProcedure, router } from '../init';

const backoffice = roleProcedure('backoffice');
const reader = roleProcedure('backoffice', 'admin');
const changed = z.object({ applicationId: z.string(), status: z.string(), version: z.number() });

export const backofficeRouter = router({
  queue: reader.input(queueInput).query(({ ctx, input }) => readQueue({ ctx, input })),
  filterOptions: reader.query(({ ctx }) => queueFilterOptions({ ctx })),
  review: reader
    .input(claimInput)
    .output(reviewDto)
    .query(({ ctx, input }) => getReview({ ctx, input })),
  claim: backoffice.input(claimInput).output(changed).mutation(({ ctx, input }) => claimApplication({ ctx, input })),
  release: backoffice.input(claimInput).output(changed).mutation(({ ctx, input }) => releaseApplication({ ctx, input })),
  approve: backoffice.input(decideInput).output(changed).mutation(({ ctx, input }) => approveApplication({ ctx, input })),
  reject: backoffice.input(rejectInput).output(changed).mutation(({ ctx, input }) => rejectApplication({ ctx, input })),
  return: backoffice.input(backOfficeReturnInput).output(changed).mutation(({ ctx, input }) => returnToDealer({ ctx, input })),
});
