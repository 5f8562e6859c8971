import { devInbox, devInboxInput } from '@/server/notifications/dev-inbox';
import { listOutbox, outboxInput } from '@/server/notifications/list-outbox';
import { retryInput, retryNotification } from '@/server/notifications/retry-notification';
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
    .input(devInboxInput)
    .query(({ ctx, input }) => devInbox({ ctx, input })),
});
