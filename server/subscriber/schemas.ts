import { z } from 'zod';
import { APPLICATION_STATUSES, LINK_PURPOSES } from '@/db/schema';
import { CONFIRMATION_MODES } from '@/templates/confirmation-route';

const text = z.object({ uk: z.string(), en: z.string() });

/** What the subscriber's link page shows (server/subscriber/subscriber-link.ts, `viewLink`): nothing personal. */
export const linkViewDto = z.object({
  number: z.string(),
  title: text,
  status: z.enum(APPLICATION_STATUSES),
  applicationDate: z.string(),
  submittedAt: z.date().nullable(),
  pointOfSale: z.string().nullable(),
  hasPdf: z.boolean(),
  confirmedAt: z.date().nullable(),
  disputedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  decisionReason: z.string().nullable(),
  purpose: z.enum(LINK_PURPOSES),
  confirmationMode: z.enum(CONFIRMATION_MODES).nullable(),
  waitingPeriodEndsAt: z.date().nullable(),
  approvedMeans: text.nullable(),
  canConfirm: z.boolean(),
  canDispute: z.boolean(),
});

/** The application's status after the subscriber's answer. */
export const linkAnswerDto = z.object({ status: z.enum(APPLICATION_STATUSES) });
