import { z } from 'zod';
import { APPLICATION_STATUSES } from '@/db/schema';

const identificationDto = z.object({
  party: z.string(),
  values: z.record(z.string(), z.unknown()),
  attestedByName: z.string(),
  attestedAt: z.date(),
  pointOfSale: z.string().nullable(),
});

export const applicationDto = z.object({
  id: z.string(),
  number: z.string(),
  chatId: z.string(),
  templateId: z.string(),
  templateVersion: z.number(),
  status: z.enum(APPLICATION_STATUSES),
  version: z.number(),
  applicationDate: z.string(),
  formData: z.record(z.string(), z.record(z.string(), z.unknown())),
  remarks: z.record(z.string(), z.string()).nullable(),
  verifiedByName: z.string().nullable(),
  verifiedAt: z.date().nullable(),
  returnedAt: z.date().nullable(),
  dealerName: z.string(),
  pointOfSale: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  identifications: z.array(identificationDto),
  signatures: z.array(z.object({ party: z.string(), signerName: z.string(), signedAt: z.date(), typed: z.boolean() })),
  pdfSha256: z.string().nullable(),
  sealedAt: z.date().nullable(),
  sensitive: z.boolean(),
  submittedAt: z.date().nullable(),
  subscriberConfirmedAt: z.date().nullable(),
  disputedAt: z.date().nullable(),
  /** A subscriber without another contact (the SIM-swap guard): the back office may approve after this, if nobody disputes. */
  waitingPeriodEndsAt: z.date().nullable(),
  /** The back office's decision, shown to the dealer and in the chat's application card. */
  decision: z
    .object({ byName: z.string(), at: z.date(), reason: z.string().nullable(), comment: z.string().nullable() })
    .nullable(),
  allowedActions: z.array(z.string()),
  /** The package it came from (server/packages/), and the fields the operator filled there. */
  packageId: z.string().nullable(),
  prefilledPaths: z.array(z.string()).nullable(),
});
export type ApplicationDto = z.infer<typeof applicationDto>;

export const applicationSummaryDto = applicationDto.pick({
  id: true,
  number: true,
  chatId: true,
  templateId: true,
  status: true,
  version: true,
  dealerName: true,
  pointOfSale: true,
  createdByName: true,
  createdAt: true,
  updatedAt: true,
});
export type ApplicationSummary = z.infer<typeof applicationSummaryDto>;
export const applicationListDto = z.array(applicationSummaryDto);

/** What a change of an application answers: its new status and version (the client's next `version`). */
export const applicationChangedDto = z.object({ applicationId: z.string(), status: z.string(), version: z.number() });
/** Signing answers the sealed document's hash too. */
export const applicationSignedDto = applicationChangedDto.extend({ pdfSha256: z.string() });
/** A new application: its id and number. */
export const applicationCreatedDto = z.object({ applicationId: z.string(), number: z.string() });
