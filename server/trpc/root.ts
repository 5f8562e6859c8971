import { createCallerFactory, router } from './init';
import { accountRouter } from './routers/account';
import { applicationRouter } from './routers/application';
import { adminCannedRepliesRouter } from './routers/admin/canned-replies';
import { adminDealersRouter } from './routers/admin/dealers';
import { adminNotificationsRouter } from './routers/admin/notifications';
import { adminOperatorsRouter } from './routers/admin/operators';
import { adminRequestCategoriesRouter } from './routers/admin/request-categories';
import { adminSealRouter } from './routers/admin/seal';
import { adminUsersRouter } from './routers/admin/users';
import { backofficeRouter } from './routers/backoffice';
import { chatRouter } from './routers/chat';
import { metricsRouter } from './routers/metrics';
import { operatorRouter } from './routers/operator';
import { packageRouter } from './routers/package';
import { realtimeRouter } from './routers/realtime';
import { requestsRouter } from './routers/requests';
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
    requestCategories: adminRequestCategoriesRouter,
  }),
  application: applicationRouter,
  backoffice: backofficeRouter,
  chat: chatRouter,
  metrics: metricsRouter,
  operator: operatorRouter,
  package: packageRouter,
  realtime: realtimeRouter,
  requests: requestsRouter,
  subscriber: subscriberRouter,
  verification: verificationRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
