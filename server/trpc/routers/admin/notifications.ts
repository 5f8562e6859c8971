import { z } from 'zod';
import { devInbox, listOutbox, outboxInput, retryInput, retryNotification } from '@/server/notifications/admin-outbox';
import { roleProcedure, router } from '../../init';

const admin = roleProcedure('admin');

export const adminNotificationsRouter = router({
  outbox: admin
    .input(outboxInput)
    .query(({ ctx, input }) => listOutbox({ ctx, input })),
  retry: admin
    .input(retryInput)
    .mutation(({ ctx, input }) => retryNotification({ ctx, input })),
  devInbox: admin
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }).default({ limit: 100 }))
    .query(({ input }) => devInbox(input.limit)),
});
