import { z } from 'zod';
import { APPLICATION_STATUSES, PACKAGE_STATUSES } from '@/db/schema';
import { applicationChangedDto, applicationSignedDto } from '@/server/applications/schemas';

const packageKind = z.enum(['legal-entity', 'individual']);
const formData = z.record(z.string(), z.record(z.string(), z.unknown()));

/** A company's details as a package carries them (templates/legal-entity.ts, `CompanyDetails`). */
export const companyDetailsDto = z.object({
  name: z.string(),
  edrpou: z.string(),
  legalAddress: z.string(),
  iban: z.string(),
  representativeName: z.string(),
  representativePosition: z.string(),
  poaNumber: z.string(),
  poaDate: z.string(),
  poaValidUntil: z.string(),
});

export const packageCreatedDto = z.object({ packageId: z.string(), number: z.string(), version: z.number() });
export const packageUpdatedDto = z.object({ packageId: z.string(), version: z.number() });

/** The remembered company of an EDRPOU, or null. */
export const rememberedCompanyDto = z.object({ details: companyDetailsDto, updatedAt: z.date(), updatedByName: z.string() }).nullable();

/** A line of the operators' package list. */
export const packageListDto = z.array(
  z.object({
    id: z.string(),
    number: z.string(),
    kind: packageKind,
    title: z.string(),
    status: z.enum(PACKAGE_STATUSES),
    edrpou: z.string().nullable(),
    updatedAt: z.date(),
    sentAt: z.date().nullable(),
    createdByName: z.string(),
  }),
);

/** One package with its forms and the applications they became. */
export const packageDto = z.object({
  id: z.string(),
  number: z.string(),
  kind: packageKind,
  title: z.string(),
  status: z.enum(PACKAGE_STATUSES),
  version: z.number(),
  details: companyDetailsDto.nullable(),
  companyUpdatedAt: z.date().nullable(),
  chatId: z.string().nullable(),
  sentAt: z.date().nullable(),
  openedAt: z.date().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      templateId: z.string(),
      formData,
      filled: z.array(z.string()),
      application: z
        .object({
          id: z.string(),
          number: z.string(),
          status: z.enum(APPLICATION_STATUSES),
          version: z.number(),
          templateId: z.string(),
          prefilledPaths: z.array(z.string()).nullable(),
        })
        .nullable(),
    }),
  ),
});
export type PackageDto = z.infer<typeof packageDto>;

export const packageSentDto = z.object({ packageId: z.string(), status: z.enum(PACKAGE_STATUSES) });
export const packageOpenedDto = z.object({ packageId: z.string(), applicationIds: z.array(z.string()) });
/** Each application of the package, changed. */
export const packageChangedDto = z.array(applicationChangedDto);
export const packageSignedDto = z.array(applicationSignedDto);
