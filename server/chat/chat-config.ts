import { ALLOWED_UPLOAD_TYPES, MAX_UPLOAD_BYTES } from '@/server/files/upload-rules';

/** Numbers of the chat service (free of server imports); the offer time-out is a setting: ./offer-timeout.ts. */
export const CHAT_LIMITS = {
  maxMessageLength: 4000,
  maxAttachmentBytes: MAX_UPLOAD_BYTES,
  maxMissedOffers: 3,
  heartbeatTimeoutMs: 45_000,
  defaultHandleTimeSeconds: 240,
  handleTimeWindowMs: 2 * 60 * 60 * 1000,
  maxTopicLength: 200,
  maxRatingComment: 1000,
  defaultCapacity: 3,
  maxCapacity: 10,
} as const;

export const ALLOWED_ATTACHMENT_TYPES = ALLOWED_UPLOAD_TYPES;
