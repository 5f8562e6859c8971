import { z } from 'zod';
import { devInbox, listOutbox, outboxInput, retryInput, retryNotification } from '@/server/notifications/admin-outbox';
import { devInboxDto, outboxDto, retriedDto } from '@/server/notifications/schemas';
import { roleProcedure, router } from '../../init';

const admin = roleProcedure('admin');

export const adminNotificationsRouter = router({
  outbox: admin
    .input(outboxInput)
    .output(outboxDto)
    .query(({ ctx, input }) => listOutbox({ ctx, input })),
  retry: admin
    .input(retryInput)
    .output(retriedDto)
    .mutation(({ ctx, input }) => retryNotification({ ctx, input })),
  devInbox: admin
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }))
    .output(devInboxDto)
    .query(({ input }) => devInbox(input.limit)),
});
