import { z } from 'zod';
import { listOperators } from '@/server/chat/list-operators';
import { setOperatorCapacity } from '@/server/chat/set-operator-capacity';
import { setCapacityInput } from '@/server/chat/schemas';
import { roleProcedure, router } from '../../init';

const admin = roleProcedure('admin');

export const adminOperatorsRouter = router({
  list: admin
    .output(z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), status: z.string(), capacity: z.number(), load: z.number() })))
    .query(({ ctx }) => listOperators({ ctx })),
  setCapacity: admin
    .input(setCapacityInput)
    .output(z.object({ userId: z.string(), capacity: z.number() }))
    .mutation(({ ctx, input }) => setOperatorCapacity({ ctx, input })),
});
