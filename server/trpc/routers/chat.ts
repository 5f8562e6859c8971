import { z } from 'zod';
import { cancelChat } from '@/server/chat/cancel-chat';
import { closeChat } from '@/server/chat/close-chat';
import { markRead } from '@/server/chat/mark-read';
import { rateChat } from '@/server/chat/rate-chat';
import { getChat } from '@/server/chat/get-chat';
import { listChats } from '@/server/chat/list-chats';
import { chatDetailDto, chatIdInput, chatListDto, chatStartedDto, markReadInput, messageDto, noAnswer, rateChatInput, sendMessageInput, startChatInput } from '@/server/chat/schemas';
import { sendMessage } from '@/server/chat/send-message';
import { signalTyping } from '@/server/chat/signal-typing';
import { startChat } from '@/server/chat/start-chat';
import { listCannedRepliesForChat } from '@/server/chat/list-canned-replies';
import { requestVerification } from '@/server/chat/request-verification';
import { searchPointsOfSale } from '@/server/chat/search-points-of-sale';
import { sendPointOfSale } from '@/server/chat/send-point-of-sale';
import {
  cannedRepliesInput,
  cannedReplyOptionDto,
  pastChatMessagesDto,
  pointOfSaleFoundDto,
  pointsOfSaleInput,
  sendPointOfSaleInput,
  visitorHistoryDto,
  visitorHistoryInput,
  visitorHistoryMessagesInput,
} from '@/server/chat/subscriber-chat-schemas';
import { visitorHistory, visitorHistoryMessages } from '@/server/chat/visitor-history';
import { roleProcedure, router } from '../init';

const dealer = roleProcedure('dealer');
const participant = roleProcedure('dealer', 'operator');
const reader = roleProcedure('dealer', 'operator', 'admin');
const operator = roleProcedure('operator');
const staff = roleProcedure('operator', 'admin');

export const chatRouter = router({
  start: dealer
    .input(startChatInput)
    .output(chatStartedDto)
    .mutation(({ ctx, input }) => startChat({ ctx, input })),
  cancel: dealer.input(chatIdInput).output(noAnswer).mutation(({ ctx, input }) => cancelChat({ ctx, input })),
  list: reader
    .input(z.object({ status: z.enum(['queued', 'active', 'closed', 'abandoned']).optional() }).optional())
    .output(chatListDto)
    .query(({ ctx, input }) => listChats({ ctx, input })),
  get: reader
    .input(chatIdInput)
    .output(chatDetailDto)
    .query(({ ctx, input }) => getChat({ ctx, input })),
  send: participant
    .input(sendMessageInput)
    .output(messageDto)
    .mutation(({ ctx, input }) => sendMessage({ ctx, input })),
  markRead: participant.input(markReadInput).output(noAnswer).mutation(({ ctx, input }) => markRead({ ctx, input })),
  typing: participant.input(chatIdInput).output(noAnswer).mutation(({ ctx, input }) => signalTyping({ ctx, input })),
  close: participant.input(chatIdInput).output(noAnswer).mutation(({ ctx, input }) => closeChat({ ctx, input })),
  rate: dealer.input(rateChatInput).output(noAnswer).mutation(({ ctx, input }) => rateChat({ ctx, input })),
  // The operator's tools for subscribers' chats (the widget).
  visitorHistory: staff
    .input(visitorHistoryInput)
    .output(visitorHistoryDto)
    .query(({ ctx, input }) => visitorHistory({ ctx, input })),
  visitorHistoryMessages: staff
    .input(visitorHistoryMessagesInput)
    .output(pastChatMessagesDto)
    .query(({ ctx, input }) => visitorHistoryMessages({ ctx, input })),
  pointsOfSale: operator
    .input(pointsOfSaleInput)
    .output(z.array(pointOfSaleFoundDto))
    .query(({ ctx, input }) => searchPointsOfSale({ ctx, input })),
  sendPointOfSale: operator
    .input(sendPointOfSaleInput)
    .output(messageDto)
    .mutation(({ ctx, input }) => sendPointOfSale({ ctx, input })),
  cannedReplies: operator
    .input(cannedRepliesInput)
    .output(z.array(cannedReplyOptionDto))
    .query(({ ctx, input }) => listCannedRepliesForChat({ ctx, input })),
  requestVerification: operator.input(chatIdInput).output(noAnswer).mutation(({ ctx, input }) => requestVerification({ ctx, input })),
});
