import { cancelApplication, completeForm, returnApplication, saveDraft, saveIdentification, verifyApplication } from '@/server/applications/change-application';
import { createApplication } from '@/server/applications/create-application';
import { signApplication, signInput } from '@/server/applications/sign-application';
import { submitApplication, submitInput } from '@/server/applications/submit-application';
import { getApplication, listApplications } from '@/server/applications/read-applications';
import {
  applicationChangedDto,
  applicationCreatedDto,
  applicationDto,
  applicationIdInput,
  applicationListDto,
  applicationSignedDto,
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
    .mutation(({ ctx, input }) => signApplication({ ctx, input, storage: ctx.storage })),
  submit: dealer
    .input(submitInput)
    .output(applicationChangedDto)
    .mutation(({ ctx, input }) => submitApplication({ ctx, input })),
  cancel: roleProcedure('dealer', 'operator')
    .input(cancelInput)
    .output(applicationChangedDto)
    .mutation(({ ctx, input }) => cancelApplication({ ctx, input })),
});
