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
import { applicationChangedDto, applicationCreatedDto, applicationDto, applicationListDto, applicationSignedDto } from '@/server/applications/schemas';
import { verifyApplication, verifyInput } from '@/server/applications/verify-application';
import { roleProcedure, router } from '../init';

const dealer = roleProcedure('dealer');
const operator = roleProcedure('operator');
const reader = roleProcedure('dealer', 'operator', 'backoffice', 'admin');

export const applicationRouter = router({
  create: dealer
    .input(createApplicationInput)
    .output(applicationCreatedDto)
    .mutation(({ ctx, input }) => createApplication({ ctx, input })),
  get: reader
    .input(applicationIdInput)
    .output(applicationDto)
    .query(({ ctx, input }) => getApplication({ ctx, input })),
  list: roleProcedure('dealer', 'operator', 'admin')
    .input(listApplicationsInput)
    .output(applicationListDto)
    .query(({ ctx, input }) => listApplications({ ctx, input })),
  saveIdentification: dealer
    .input(saveIdentificationInput)
    .output(applicationChangedDto)
    .mutation(({ ctx, input }) => saveIdentification({ ctx, input })),
  saveDraft: dealer
    .input(saveDraftInput)
    .output(applicationChangedDto)
    .mutation(({ ctx, input }) => saveDraft({ ctx, input })),
  complete: dealer
    .input(completeFormInput)
    .output(applicationChangedDto)
    .mutation(({ ctx, input }) => completeForm({ ctx, input })),
  verify: operator
    .input(verifyInput)
    .output(applicationChangedDto)
    .mutation(({ ctx, input }) => verifyApplication({ ctx, input })),
  return: operator
    .input(returnInput)
    .output(applicationChangedDto)
    .mutation(({ ctx, input }) => returnApplication({ ctx, input })),
  sign: dealer
    .input(signInput)
    .output(applicationSignedDto)
    .mutation(({ ctx, input }) => signApplication({ ctx, input })),
  submit: dealer
    .input(submitInput)
    .output(applicationChangedDto)
    .mutation(({ ctx, input }) => submitApplication({ ctx, input })),
  cancel: roleProcedure('dealer', 'operator')
    .input(cancelInput)
    .output(applicationChangedDto)
    .mutation(({ ctx, input }) => cancelApplication({ ctx, input })),
});
