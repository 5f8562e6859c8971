import { createCallerFactory, router } from './init';
import { accountRouter } from './routers/account';
import { adminDealersRouter } from './routers/admin/dealers';
import { adminUsersRouter } from './routers/admin/users';

export const appRouter = router({
  account: accountRouter,
  admin: router({
    users: adminUsersRouter,
    dealers: adminDealersRouter,
  }),
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
