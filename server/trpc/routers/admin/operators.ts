import { listOperators } from '@/server/chat/list-operators';
import { setOperatorCapacity } from '@/server/chat/set-operator-capacity';
import { setOperatorServes } from '@/server/chat/set-operator-serves';
import { capacityDto, operatorListDto, servesDto, setCapacityInput, setServesInput } from '@/server/chat/schemas';
import { roleProcedure, router } from '../../init';

const admin = roleProcedure('admin');

export const adminOperatorsRouter = router({
  list: admin
    .output(operatorListDto)
    .query(({ ctx }) => listOperators({ ctx })),
  setCapacity: admin
    .input(setCapacityInput)
    .output(capacityDto)
    .mutation(({ ctx, input }) => setOperatorCapacity({ ctx, input })),
  setServes: admin
    .input(setServesInput)
    .output(servesDto)
    .mutation(({ ctx, input }) => setOperatorServes({ ctx, input })),
});
