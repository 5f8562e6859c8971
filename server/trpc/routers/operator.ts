import { z } from 'zod';
import { acceptChat } from '@/server/chat/accept-chat';
import { heartbeat } from '@/server/chat/operator-heartbeat';
import { getOperatorConsole } from '@/server/chat/get-operator-console';
import { chatIdInput, operatorConsoleDto, operatorStatusInput, transferChatInput } from '@/server/chat/schemas';
import { setOperatorStatus } from '@/server/chat/set-operator-status';
import { transferChat } from '@/server/chat/transfer-chat';
import { roleProcedure, router } from '../init';

const operator = roleProcedure('operator');
const statusDto = z.object({ status: z.enum(['available', 'wrap_up', 'away', 'offline']) });

export const operatorRouter = router({
  console: operator.output(operatorConsoleDto).query(({ ctx }) => getOperatorConsole({ ctx })),
  setStatus: operator
    .input(operatorStatusInput)
    .output(statusDto)
    .mutation(({ ctx, input }) => setOperatorStatus({ ctx, input })),
  heartbeat: operator.output(statusDto).mutation(({ ctx }) => heartbeat({ ctx })),
  accept: operator.input(chatIdInput).mutation(({ ctx, input }) => acceptChat({ ctx, input })),
  transfer: operator.input(transferChatInput).mutation(({ ctx, input }) => transferChat({ ctx, input })),
});
