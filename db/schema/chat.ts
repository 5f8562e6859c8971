import { autoId, boolean, createdAt, id, index, integer, json, table, text, timestamp, uniqueIndex } from './kit';
import { users } from './auth';
import { dealers, pointsOfSale } from './dealers';
import { visitors } from './widget';
import { CHAT_CLASSES, OPERATOR_SERVES } from '../column-values';

export const OPERATOR_STATUSES = ['available', 'wrap_up', 'away', 'offline'] as const;
export type OperatorStatus = (typeof OPERATOR_STATUSES)[number];

/** An operator's presence: status, capacity (chats at once), heartbeat, and missed offers in a row. */
export const operatorPresence = table('operator_presence', {
  userId: text()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  status: text({ enum: OPERATOR_STATUSES }).notNull().default('offline'),
  capacity: integer().notNull().default(3),
  lastHeartbeatAt: timestamp(),
  /** Since when the operator has had no chat offered or ended; ties in routing go to the longest idle. */
  idleSince: timestamp(),
  missedOffers: integer().notNull().default(0),
  /** Which class of chats routing offers this operator (an admin assigns it). */
  serves: text({ enum: OPERATOR_SERVES }).notNull().default('both'),
  updatedAt: timestamp().notNull(),
});

export const CHAT_STATUSES = ['queued', 'active', 'closed', 'abandoned'] as const;
export type ChatStatus = (typeof CHAT_STATUSES)[number];

export const chats = table(
  'chats',
  {
    id: id(),
    /** A dealer's chat (dealerId, dealerUserId set) or a subscriber's through the widget (visitorId set). */
    class: text({ enum: CHAT_CLASSES }).notNull().default('dealer'),
    dealerId: text().references(() => dealers.id),
    pointOfSaleId: text().references(() => pointsOfSale.id),
    dealerUserId: text().references(() => users.id),
    visitorId: text().references(() => visitors.id),
    /** How far the visitor has read (a dealer's reads are in chat_reads). */
    visitorReadSeq: integer().notNull().default(0),
    operatorId: text().references(() => users.id),
    topic: text(),
    status: text({ enum: CHAT_STATUSES }).notNull().default('queued'),
    createdAt: createdAt(),
    acceptedAt: timestamp(),
    closedAt: timestamp(),
    closedBy: text(),
    /** The operator this queued chat is offered to, until offerExpiresAt. */
    offeredTo: text().references(() => users.id),
    offerExpiresAt: timestamp(),
    lastSeq: integer().notNull().default(0),
    rating: integer(),
    ratingComment: text(),
    ratedAt: timestamp(),
  },
  (t) => [
    index('chats_status_created_idx').on(t.status, t.createdAt),
    index('chats_operator_status_idx').on(t.operatorId, t.status),
    index('chats_dealer_created_idx').on(t.dealerId, t.createdAt),
    index('chats_offered_to_idx').on(t.offeredTo),
    // Metrics choose chats by arrival; the queue's expected wait reads recent handle times.
    index('chats_created_idx').on(t.createdAt),
    index('chats_status_closed_idx').on(t.status, t.closedAt),
    index('chats_visitor_created_idx').on(t.visitorId, t.createdAt),
  ],
);

/** Every offer of a queued chat to an operator, and how it ended: the record behind re-routing. */
export const chatOffers = table(
  'chat_offers',
  {
    id: autoId(),
    chatId: text()
      .notNull()
      .references(() => chats.id),
    operatorId: text()
      .notNull()
      .references(() => users.id),
    offeredAt: timestamp().notNull(),
    expiresAt: timestamp().notNull(),
    outcome: text({ enum: ['pending', 'accepted', 'missed', 'withdrawn'] }).notNull().default('pending'),
  },
  (t) => [index('chat_offers_chat_idx').on(t.chatId, t.operatorId)],
);

export const MESSAGE_KINDS = ['text', 'system', 'attachment', 'note', 'application', 'prefill'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const attachments = table(
  'attachments',
  {
    id: id(),
    chatId: text().references(() => chats.id),
    /** Who uploaded it: a user, or a widget visitor. */
    uploaderId: text().references(() => users.id),
    visitorId: text().references(() => visitors.id),
    /** The written request it belongs to (db/schema/requests.ts); null for a chat's file. */
    requestId: text(),
    fileName: text().notNull(),
    mime: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_chat_idx').on(t.chatId), index('attachments_request_idx').on(t.requestId)],
);

/** Messages of a chat, numbered per chat; (chat, clientId) makes a retried send a no-op. */
export const chatMessages = table(
  'chat_messages',
  {
    id: autoId(),
    chatId: text()
      .notNull()
      .references(() => chats.id),
    seq: integer().notNull(),
    kind: text({ enum: MESSAGE_KINDS }).notNull(),
    authorId: text().references(() => users.id),
    /** The author when a widget visitor wrote it (authorId is then null). */
    visitorId: text().references(() => visitors.id),
    clientId: text(),
    body: text().notNull(),
    attachmentId: text().references(() => attachments.id),
    createdAt: timestamp().notNull(),
  },
  (t) => [uniqueIndex('chat_messages_seq_idx').on(t.chatId, t.seq), uniqueIndex('chat_messages_client_idx').on(t.chatId, t.clientId)],
);

/** How far each participant has read a chat (read receipts, unread counters). */
export const chatReads = table(
  'chat_reads',
  {
    chatId: text()
      .notNull()
      .references(() => chats.id),
    userId: text()
      .notNull()
      .references(() => users.id),
    lastReadSeq: integer().notNull().default(0),
    updatedAt: timestamp().notNull(),
  },
  (t) => [uniqueIndex('chat_reads_pk').on(t.chatId, t.userId)],
);

/**
 * The realtime log: every event is stored here first (in the transaction of the change), then
 * published on the event bus. Its id is the SSE event id a client resumes from. The audience
 * columns say who may receive it: a dealer user (or the whole dealer company), one operator, or
 * all operators.
 */
export const realtimeEvents = table(
  'realtime_events',
  {
    id: autoId(),
    type: text().notNull(),
    chatId: text(),
    dealerId: text(),
    /** When set, only this dealer user receives it (the representative who opened the chat). */
    dealerUserId: text(),
    operatorId: text(),
    /** When set, the widget visitor of a subscriber's chat receives it. */
    visitorId: text(),
    allOperators: boolean().notNull().default(false),
    payload: json<Record<string, unknown>>().notNull(),
    createdAt: timestamp().notNull(),
  },
  (t) => [
    index('realtime_events_dealer_idx').on(t.dealerId, t.id),
    index('realtime_events_dealer_user_idx').on(t.dealerUserId, t.id),
    index('realtime_events_operator_idx').on(t.operatorId, t.id),
    index('realtime_events_visitor_idx').on(t.visitorId, t.id),
  ],
);
