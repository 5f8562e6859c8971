import { z } from 'zod';
import { cancelApplication, cancelInput } from '@/server/applications/cancel-application';
import { completeForm, completeFormInput } from '@/server/applications/complete-form';
import { createApplication, createApplicationInput } from '@/server/applications/create-application';
import { signApplication, signInput } from '@/server/applications/sign-application';
import { submitApplication, submitInput } from '@/server/applications/submit-application';
import { applicationIdInput, getApplication } from '@/server/applications/get-application';
import { listApplications, listApplicationsInput } from '@/server/applications/list-applications';
import { returnApplication, returnInput } from '@/server/applications/return-application';
import { saveDraft, saveDraftInput } from '@/server/applications/save-draft';
import { saveIdentification, saveIdentificationInput } from '@/server/applications/save-identification';
import { applicationDto, applicationSummaryDto } from '@/server/applications/schemas';
import { verifyApplication, verifyInput } from '@/server/applications/verify-application';
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
    .mutation(({ ctx, input }) => signApplication({ ctx, input })),
  submit: dealer
    .input(submitInput)
    .output(changed)
    .mutation(({ ctx, input }) => submitApplication({ ctx, input })),
  cancel: roleProcedure('dealer', 'operator')
    .input(cancelInput)
    .output(changed)
    .mutation(({ ctx, input }) => cancelApplication({ ctx, input })),
});
