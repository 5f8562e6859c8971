import { ALLOWED_UPLOAD_TYPES, MAX_UPLOAD_BYTES } from '@/server/files/upload-rules';

/**
 * The chat's fixed numbers, shared by the server's checks and the browser's (upload size, topic,
 * rating comment, transfer note, capacity choices). Plain data (the upload rules of the files layer, by name): no Node imports, so client
 * components import it as it is.
 */
export const CHAT_LIMITS = {
  maxMessageLength: 4000,
  maxAttachmentBytes: MAX_UPLOAD_BYTES,
  maxMissedOffers: 3,
  heartbeatTimeoutMs: 45_000,
  defaultHandleTimeSeconds: 240,
  handleTimeWindowMs: 2 * 60 * 60 * 1000,
  maxTopicLength: 200,
  maxRatingComment: 1000,
  maxTransferNote: 1000,
  defaultCapacity: 3,
  maxCapacity: 10,
} as const;

export const ALLOWED_ATTACHMENT_TYPES = ALLOWED_UPLOAD_TYPES;

/** Which chats an operator may be assigned (operator_presence.serves), for the admin's choice. */
export { OPERATOR_SERVES, type OperatorServes } from '@/db/column-values';
