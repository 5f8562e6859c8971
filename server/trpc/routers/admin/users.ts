import { z } from 'zod';
import { createUser } from '@/server/admin/create-user';
import { listUsers } from '@/server/admin/list-users';
import { createUserInput, userDto, userIdInput } from '@/server/admin/schemas';
import { setUserActive } from '@/server/admin/set-user-active';
import { roleProcedure, router } from '../../init';

const admin = roleProcedure('admin');

export const adminUsersRouter = router({
  list: admin.output(z.array(userDto)).query(({ ctx }) => listUsers({ ctx })),
  create: admin
    .input(createUserInput)
    .output(userDto)
    .mutation(({ ctx, input }) => createUser({ ctx, input })),
  deactivate: admin
    .input(userIdInput)
    .output(userDto)
    .mutation(({ ctx, input }) => setUserActive({ ctx, input: { userId: input.userId, active: false } })),
  reactivate: admin
    .input(userIdInput)
    .output(userDto)
    .mutation(({ ctx, input }) => setUserActive({ ctx, input: { userId: input.userId, active: true } })),
});
