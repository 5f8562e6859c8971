import { z } from 'zod';
import { cancelApplication, completeForm, returnApplication, saveDraft, saveIdentification, verifyApplication } from '@/server/applications/change-application';
import { createApplication } from '@/server/applications/create-application';
import { signApplication, signInput } from '@/server/applications/sign-application';
import { submitApplication, submitInput } from '@/server/applications/submit-application';
import { getApplication, listApplications } from '@/server/applications/read-applications';
import {
  applicationDto,
  applicationIdInput,
  applicationSummaryDto,
  cancelInput,
  completeFormInput,
  createApplicationInput,
  listApplicationsInput,
  returnInput,
  saveDraftInput,
  saveIdentificationInput,
  verifyInput,
} from '@/server/applications/schemas';
import { roleProcedure, router } from '../init';

const dealer = roleProcedure('dealer');
const operator = roleProcedure('operator');
const reader = roleProcedure('dealer', 'operator', 'backoffice', 'admin');
const changed = z.object({ applicationId: z.string(), status: z.string(), version: z.number() });

export const applicationRouter = router({
  create: dealer
    .input(createApplicationInput)
    .output(z.object({ applicationId: z.string(), number: z.string() }))
    .mutation(({ ctx, input }) => createApplication({ ctx, input })),
  get: reader
    .input(applicationIdInput)
    .output(applicationDto)
    .query(({ ctx, input }) => getApplication({ ctx, input })),
  list: roleProcedure('dealer', 'operator', 'admin')
    .input(listApplicationsInput)
    .output(z.array(applicationSummaryDto))
    .query(({ ctx, input }) => listApplications({ ctx, input })),
  saveIdentification: dealer
    .input(saveIdentificationInput)
    .output(changed)
    .mutation(({ ctx, input }) => saveIdentification({ ctx, input })),
  saveDraft: dealer
    .input(saveDraftInput)
    .output(changed)
    .mutation(({ ctx, input }) => saveDraft({ ctx, input })),
  complete: dealer
    .input(completeFormInput)
    .output(changed)
    .mutation(({ ctx, input }) => completeForm({ ctx, input })),
  verify: operator
    .input(verifyInput)
    .output(changed)
    .mutation(({ ctx, input }) => verifyApplication({ ctx, input })),
  return: operator
    .input(returnInput)
    .output(changed)
    .mutation(({ ctx, input }) => returnApplication({ ctx, input })),
  sign: dealer
    .input(signInput)
    .output(changed.extend({ pdfSha256: z.string() }))
    .mutation(({ ctx, input }) => signApplication({ ctx, input, storage: ctx.storage })),
  submit: dealer
    .input(submitInput)
    .output(changed)
    .mutation(({ ctx, input }) => submitApplication({ ctx, input })),
  cancel: roleProcedure('dealer', 'operator')
    .input(cancelInput)
    .output(changed)
    .mutation(({ ctx, input }) => cancelApplication({ ctx, input })),
});
