import { acceptChat } from '@/server/chat/accept-chat';
import { heartbeat } from '@/server/chat/operator-heartbeat';
import { getOperatorConsole } from '@/server/chat/get-operator-console';
import { chatIdInput, noAnswer, operatorConsoleDto, operatorStatusDto, operatorStatusInput, transferChatInput } from '@/server/chat/schemas';
import { setOperatorStatus } from '@/server/chat/set-operator-status';
import { transferChat } from '@/server/chat/transfer-chat';
import { roleProcedure, router } from '../init';

const operator = roleProcedure('operator');

export const operatorRouter = router({
  console: operator.output(operatorConsoleDto).query(({ ctx }) => getOperatorConsole({ ctx })),
  setStatus: operator
    .input(operatorStatusInput)
    .output(operatorStatusDto)
    .mutation(({ ctx, input }) => setOperatorStatus({ ctx, input })),
  heartbeat: operator.output(operatorStatusDto).mutation(({ ctx }) => heartbeat({ ctx })),
  accept: operator.input(chatIdInput).output(noAnswer).mutation(({ ctx, input }) => acceptChat({ ctx, input })),
  transfer: operator.input(transferChatInput).output(noAnswer).mutation(({ ctx, input }) => transferChat({ ctx, input })),
});
