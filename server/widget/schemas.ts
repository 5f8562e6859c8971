import { z } from 'zod';
import { LOCALES } from '@/db/column-values';
import { CHAT_LIMITS } from '@/server/chat/chat-config';
import { messageDto, queuePlaceDto } from '@/server/realtime/chat-payloads';
import { multiLine, singleLine } from '@/templates/validators/user-text';

/**
 * The widget's API (server/trpc/widget-router.ts, `/api/widget/trpc`): every input and answer,
 * in one file, so the front end (app/widget, public/widget.js) builds against it.
 */

// ---- Sessions -----------------------------------------------------------------------------

/** Who is chatting: a guest, or a visitor who proved a number (SMS code, portal token) or an e-mail address. */
export const visitorDto = z.object({
  id: z.string(),
  /** Proven +380XXXXXXXXX, or null. */
  msisdn: z.string().nullable(),
  /** Proven e-mail address, or null. */
  email: z.string().nullable(),
  verifiedBy: z.enum(['sms', 'email', 'portal']).nullable(),
  locale: z.enum(LOCALES),
});
export type VisitorDto = z.infer<typeof visitorDto>;

export const startSessionInput = z
  .object({
    locale: z.enum(LOCALES).default('uk'),
    /** The page that embeds the widget (the loader passes its origin to the iframe); must be one of WIDGET_ORIGINS when they are set. */
    origin: z.url('invalidFormat').max(300, 'tooLong').optional(),
  })
  .default({ locale: 'uk' });

/** The bearer token is shown once, here: the widget keeps it and sends `Authorization: Bearer <token>`. */
export const sessionStartedDto = z.object({
  token: z.string(),
  expiresAt: z.date(),
  visitor: visitorDto,
});

export const sessionDto = z.object({ expiresAt: z.date(), visitor: visitorDto });

export const portalTokenInput = z.object({ token: z.string().min(1, 'required').max(200, 'tooLong') });

// ---- Codes --------------------------------------------------------------------------------

export const requestCodeInput = z.discriminatedUnion('channel', [
  z.object({ channel: z.literal('sms'), msisdn: z.string().trim().min(1, 'required').max(32, 'tooLong') }),
  z.object({ channel: z.literal('email'), email: z.email('emailInvalid').max(254, 'tooLong') }),
]);

export const codeRequestedDto = z.object({
  channel: z.enum(['sms', 'email']),
  /** Where it went, normalised (+380XXXXXXXXX, or the address in lower case). */
  destination: z.string(),
  expiresAt: z.date(),
  /** No new code may be asked before this. */
  resendAfter: z.date(),
  attemptsLeft: z.number(),
});

export const verifyCodeInput = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'codeFormat') });

// ---- Business hours -----------------------------------------------------------------------

export const openingHoursDto = z.object({
  /** ISO weekday 1 (Monday) … 7 (Sunday). */
  weekday: z.number().int().min(1).max(7),
  /** Kyiv time, 'HH:MM'. */
  opens: z.string(),
  closes: z.string(),
});

export const widgetStatusDto = z.object({
  open: z.boolean(),
  /** When the chat opens next (now when open), or null when no opening is configured. */
  nextOpening: z.date().nullable(),
  /** When it closes, when open now. */
  closesAt: z.date().nullable(),
  /** The expected wait of a subscriber's chat started now, in seconds; null when no operator serves subscribers. */
  expectedWaitSeconds: z.number().nullable(),
  outlook: z.enum(['now', 'estimate', 'noOperators']),
  /** Waits above this are "long" (the widget offers the hours or to leave a number). */
  longWaitSeconds: z.number(),
  hours: z.array(openingHoursDto),
  holidays: z.array(z.string()),
  timeZone: z.literal('Europe/Kyiv'),
});

// ---- Chats --------------------------------------------------------------------------------

export const widgetChatIdInput = z.object({ chatId: z.uuid('invalidId') });

export const widgetStartChatInput = z
  .object({ topic: singleLine().max(CHAT_LIMITS.maxTopicLength, 'tooLong').optional() })
  .default({});

export const widgetChatStartedDto = z.object({ chatId: z.string(), /** false when the visitor's open chat was returned. */ created: z.boolean() });

export const currentChatInput = z
  .object({
    /** Only messages after this seq (0 or absent: all). */
    sinceSeq: z.number().int().min(0).optional(),
  })
  .default({});

/** A message as the visitor sees it (never a note); visitor-written ones have authorRole 'subscriber'. */
export const widgetMessageDto = messageDto;
export type WidgetMessageDto = z.infer<typeof widgetMessageDto>;

export const widgetChatDto = z.object({
  id: z.string(),
  status: z.enum(['queued', 'active', 'closed', 'abandoned']),
  topic: z.string().nullable(),
  createdAt: z.date(),
  acceptedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  /** The operator's display name once one has accepted. */
  operatorName: z.string().nullable(),
  queue: queuePlaceDto.nullable(),
  lastSeq: z.number(),
  /** How far the visitor has read, and how far the operator has. */
  visitorReadSeq: z.number(),
  operatorReadSeq: z.number(),
  unread: z.number(),
  rating: z.number().nullable(),
  /** Closed and not rated yet. */
  canRate: z.boolean(),
  canWrite: z.boolean(),
  messages: z.array(widgetMessageDto),
});
export type WidgetChatDto = z.infer<typeof widgetChatDto>;

export const currentChatDto = widgetChatDto.nullable();

export const widgetSendInput = z.object({
  chatId: z.uuid('invalidId'),
  /** Made by the widget once per message (also offline): a retried send is stored once. */
  clientId: z.uuid('invalidId'),
  body: multiLine().min(1, 'messageEmpty').max(CHAT_LIMITS.maxMessageLength, 'messageTooLong'),
});

export const widgetMarkReadInput = z.object({ chatId: z.uuid('invalidId'), seq: z.number().int().min(0) });

export const widgetRateInput = z.object({
  chatId: z.uuid('invalidId'),
  rating: z.number().int().min(1, 'ratingRange').max(5, 'ratingRange'),
  comment: multiLine().max(CHAT_LIMITS.maxRatingComment, 'tooLong').optional(),
});

export const transcriptInput = z.object({ chatId: z.uuid('invalidId'), email: z.email('emailInvalid').max(254, 'tooLong') });

export const widgetFeedInput = z.object({ lastEventId: z.string().regex(/^\d{1,15}$/).nullish() }).optional();

export const nothing = z.void();

/** GET /api/widget/unread: the unread count of the visitor's open chat (0 when none). */
export const unreadDto = z.object({ unread: z.number() });
