import { z } from 'zod';
import { cancelChat } from '@/server/chat/cancel-chat';
import { closeChat } from '@/server/chat/close-chat';
import { markRead } from '@/server/chat/mark-read';
import { rateChat } from '@/server/chat/rate-chat';
import { getChat } from '@/server/chat/get-chat';
import { listChats } from '@/server/chat/list-chats';
import { chatDetailDto, chatIdInput, chatSummaryDto, markReadInput, messageDto, rateChatInput, sendMessageInput, startChatInput } from '@/server/chat/schemas';
import { sendMessage } from '@/server/chat/send-message';
import { signalTyping } from '@/server/chat/signal-typing';
import { startChat } from '@/server/chat/start-chat';
import { roleProcedure, router } from '../init';

const dealer = roleProcedure('dealer');
const participant = roleProcedure('dealer', 'operator');
const reader = roleProcedure('dealer', 'operator', 'admin');

export const chatRouter = router({
  start: dealer
    .input(startChatInput)
    .output(z.object({ chatId: z.string() }))
    .mutation(({ ctx, input }) => startChat({ ctx, input })),
  cancel: dealer.input(chatIdInput).mutation(({ ctx, input }) => cancelChat({ ctx, input })),
  list: reader
    .input(z.object({ status: z.enum(['queued', 'active', 'closed', 'abandoned']).optional() }).optional())
    .output(z.array(chatSummaryDto))
    .query(({ ctx, input }) => listChats({ ctx, input })),
  get: reader
    .input(chatIdInput)
    .output(chatDetailDto)
    .query(({ ctx, input }) => getChat({ ctx, input })),
  send: participant
    .input(sendMessageInput)
    .output(messageDto)
    .mutation(({ ctx, input }) => sendMessage({ ctx, input })),
  markRead: participant.input(markReadInput).mutation(({ ctx, input }) => markRead({ ctx, input })),
  typing: participant.input(chatIdInput).mutation(({ ctx, input }) => signalTyping({ ctx, input })),
  close: participant.input(chatIdInput).mutation(({ ctx, input }) => closeChat({ ctx, input })),
  rate: dealer.input(rateChatInput).mutation(({ ctx, input }) => rateChat({ ctx, input })),
});
