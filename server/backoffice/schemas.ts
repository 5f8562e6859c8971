import { z } from 'zod';
import { APPLICATION_STATUSES } from '@/db/schema';
import { CONFIRMATION_MODES } from '@/templates/confirmation-route';

const text = z.object({ uk: z.string(), en: z.string() });

/** A line of the back office's queue (server/backoffice/queue.ts). */
export const queueItemDto = z.object({
  id: z.string(),
  number: z.string(),
  templateId: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  version: z.number(),
  sensitive: z.boolean(),
  submittedAt: z.date().nullable(),
  subscriberConfirmedAt: z.date().nullable(),
  confirmationMode: z.enum(CONFIRMATION_MODES).nullable(),
  waitingPeriodEndsAt: z.date().nullable(),
  disputedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  subscriberName: z.string().nullable(),
  dealerName: z.string(),
  pointOfSale: z.string().nullable(),
  claimedByName: z.string().nullable(),
  claimedById: z.string().nullable(),
  waitedMs: z.number(),
  waitingLeftMs: z.number().nullable(),
});

export const queueDto = z.object({
  items: z.array(queueItemDto),
  total: z.number(),
  now: z.date(),
  counters: z.object({ submitted: z.number(), disputed: z.number(), awaitingSubscriber: z.number(), mine: z.number(), oldestWaitMs: z.number() }),
});

/** What the queue's filters choose from (server/backoffice/filter-options.ts). */
export const filterOptionsDto = z.object({
  templates: z.array(z.object({ id: z.string(), title: text, sensitive: z.boolean() })),
  dealers: z.array(z.object({ id: z.string(), name: z.string() })),
  pointsOfSale: z.array(z.object({ id: z.string(), dealerId: z.string(), label: z.string() })),
});
