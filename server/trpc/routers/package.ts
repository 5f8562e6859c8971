import { z } from 'zod';
import { createPackage, createPackageInput } from '@/server/packages/create-package';
import { getPackage } from '@/server/packages/get-package';
import { identifyPackage, identifyPackageInput } from '@/server/packages/identify-package';
import { lookupCompany } from '@/server/packages/lookup-company';
import { openPackage } from '@/server/packages/open-package';
import { packageIdInput } from '@/server/packages/package-access';
import { searchPackages } from '@/server/packages/search-packages';
import { sendPackage, sendPackageInput } from '@/server/packages/send-package';
import { signPackage, signPackageInput } from '@/server/packages/sign-package';
import { submitPackage, submitPackageInput } from '@/server/packages/submit-package';
import { updatePackage, updatePackageInput } from '@/server/packages/update-package';
import { registeredDealer, registeredDealerInput, registeredDealerOutput } from '@/server/packages/registered-dealer';
import {
  packageChangedDto,
  packageCreatedDto,
  packageDto,
  packageListDto,
  packageOpenedDto,
  packageSentDto,
  packageSignedDto,
  packageUpdatedDto,
  rememberedCompanyDto,
} from '@/server/packages/schemas';
import { roleProcedure, router } from '../init';

const operator = roleProcedure('operator');
const dealer = roleProcedure('dealer');

/** Documents operators prepare in advance (server/packages/), sent into a chat and completed by the dealer. */
export const packageRouter = router({
  create: operator.input(createPackageInput).output(packageCreatedDto).mutation(({ ctx, input }) => createPackage({ ctx, input })),
  update: operator.input(updatePackageInput).output(packageUpdatedDto).mutation(({ ctx, input }) => updatePackage({ ctx, input })),
  lookupCompany: operator.input(z.object({ edrpou: z.string().trim().regex(/^\d{8}$/, 'edrpouFormat') })).output(rememberedCompanyDto).query(({ ctx, input }) => lookupCompany({ ctx, input })),
  registeredDealer: operator.input(registeredDealerInput).output(registeredDealerOutput).query(({ ctx, input }) => registeredDealer({ ctx, input })),
  search: roleProcedure('operator', 'admin')
    .input(z.object({ query: z.string().max(100).default(''), status: z.enum(['draft', 'sent', 'opened']).optional() }))
    .output(packageListDto)
    .query(({ ctx, input }) => searchPackages({ ctx, input })),
  get: roleProcedure('dealer', 'operator', 'backoffice', 'admin').input(packageIdInput).output(packageDto).query(({ ctx, input }) => getPackage({ ctx, input })),
  send: operator.input(sendPackageInput).output(packageSentDto).mutation(({ ctx, input }) => sendPackage({ ctx, input })),
  open: dealer.input(packageIdInput).output(packageOpenedDto).mutation(({ ctx, input }) => openPackage({ ctx, input })),
  identify: dealer.input(identifyPackageInput).output(packageChangedDto).mutation(({ ctx, input }) => identifyPackage({ ctx, input })),
  sign: dealer.input(signPackageInput).output(packageSignedDto).mutation(({ ctx, input }) => signPackage({ ctx, input })),
  submit: dealer.input(submitPackageInput).output(packageChangedDto).mutation(({ ctx, input }) => submitPackage({ ctx, input })),
});
