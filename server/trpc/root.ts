import { createCallerFactory, router } from './init';
import { accountRouter } from './routers/account';
import { applicationRouter } from './routers/application';
import { adminCannedRepliesRouter } from './routers/admin/canned-replies';
import { adminDealersRouter } from './routers/admin/dealers';
import { adminNotificationsRouter } from './routers/admin/notifications';
import { adminOperatorsRouter } from './routers/admin/operators';
import { adminSealRouter } from './routers/admin/seal';
import { adminUsersRouter } from './routers/admin/users';
import { backofficeRouter } from './routers/backoffice';
import { chatRouter } from './routers/chat';
import { metricsRouter } from './routers/metrics';
import { operatorRouter } from './routers/operator';
import { packageRouter } from './routers/package';
import { realtimeRouter } from './routers/realtime';
import { subscriberRouter } from './routers/subscriber';
import { verificationRouter } from './routers/verification';

export const appRouter = router({
  account: accountRouter,
  admin: router({
    users: adminUsersRouter,
    dealers: adminDealersRouter,
    operators: adminOperatorsRouter,
    seal: adminSealRouter,
    notifications: adminNotificationsRouter,
    cannedReplies: adminCannedRepliesRouter,
  }),
  application: applicationRouter,
  backoffice: backofficeRouter,
  chat: chatRouter,
  metrics: metricsRouter,
  operator: operatorRouter,
  package: packageRouter,
  realtime: realtimeRouter,
  subscriber: subscriberRouter,
  verification: verificationRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
