/**
 * The chat's fixed numbers, shared by the server's checks and the browser's (upload size, topic,
 * rating comment, transfer note, capacity choices). Plain data: no Node imports, so client
 * components import it as it is.
 */
export const CHAT_LIMITS = {
  maxMessageLength: 4000,
  maxAttachmentBytes: 10 * 1024 * 1024,
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

export const ALLOWED_ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
