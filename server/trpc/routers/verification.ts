import { z } from 'zod';
import { publicApplication, publicApplicationDto } from '@/server/signing/public-application';
import { publicProcedure, router } from '../init';

export const verificationRouter = router({
  /** What the QR code on a document leads to: the application's public facts, nothing personal. */
  application: publicProcedure
    .input(z.object({ applicationId: z.uuid('invalidId') }))
    .output(publicApplicationDto)
    .query(({ ctx, input }) => publicApplication({ ctx, input })),
});
