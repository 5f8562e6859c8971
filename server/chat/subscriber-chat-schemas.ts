import { z } from 'zod';
import { CHAT_CLASSES } from '@/db/column-values';
import { messageDto } from '@/server/realtime/chat-payloads';
import { singleLine } from '@/templates/validators/user-text';

/** The shapes of the operator's tools for subscribers' chats: the visitor's history, points of sale, canned replies. */

export const visitorHistoryInput = z.object({ chatId: z.uuid('invalidId') });
export const visitorHistoryMessagesInput = z.object({ chatId: z.uuid('invalidId'), pastChatId: z.uuid('invalidId') });

export const pastChatDto = z.object({
  id: z.string(),
  status: z.enum(['queued', 'active', 'closed', 'abandoned']),
  topic: z.string().nullable(),
  createdAt: z.date(),
  closedAt: z.date().nullable(),
  operatorName: z.string().nullable(),
  rating: z.number().nullable(),
});
export type PastChat = z.infer<typeof pastChatDto>;
/** A proven visitor's earlier chats, newest first; a guest has none. */
export const visitorHistoryDto = z.object({ verified: z.boolean(), chats: z.array(pastChatDto) });
export type VisitorHistory = z.infer<typeof visitorHistoryDto>;
export const pastChatMessagesDto = z.array(messageDto);

export const POINT_OF_SALE_SEARCH = { maxTown: 100, results: 20 } as const;
export const pointsOfSaleInput = z.object({ town: singleLine().min(1).max(POINT_OF_SALE_SEARCH.maxTown) });
export const pointOfSaleFoundDto = z.object({ id: z.string(), name: z.string(), town: z.string(), address: z.string() });
export type PointOfSaleFound = z.infer<typeof pointOfSaleFoundDto>;
export const sendPointOfSaleInput = z.object({ chatId: z.uuid('invalidId'), pointOfSaleId: z.uuid('invalidId') });

export const cannedRepliesInput = z.object({ scope: z.enum(CHAT_CLASSES) });
export const cannedReplyOptionDto = z.object({ id: z.string(), titleUk: z.string(), titleEn: z.string(), bodyUk: z.string(), bodyEn: z.string() });
export type CannedReplyOption = z.infer<typeof cannedReplyOptionDto>;
