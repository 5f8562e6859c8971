import { devInbox, devInboxInput } from '@/server/notifications/dev-inbox';
import { listOutbox, outboxInput } from '@/server/notifications/list-outbox';
import { retryInput, retryNotification } from '@/server/notifications/retry-notification';
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
    .input(devInboxInput)
    .output(devInboxDto)
    .query(({ ctx, input }) => devInbox({ ctx, input })),
});
