import { z } from 'zod';
import { publicApplication } from '@/server/signing/public-application';
import { publicProcedure, router } from '../init';

const publicInfoDto = z
  .object({
    number: z.string(),
    templateTitle: z.object({ uk: z.string(), en: z.string() }),
    applicationDate: z.string(),
    status: z.string(),
    pointOfSale: z.string().nullable(),
    sealedAt: z.date().nullable(),
  })
  .nullable();

export const verificationRouter = router({
  /** What the QR code on a document leads to: the application's public facts, nothing personal. */
  application: publicProcedure
    .input(z.object({ applicationId: z.uuid('invalidId') }))
    .output(publicInfoDto)
    .query(({ ctx, input }) => publicApplication({ ctx, input })),
});
