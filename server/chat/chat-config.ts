import { env } from '@/server/config/env';
import { ALLOWED_UPLOAD_TYPES, MAX_UPLOAD_BYTES } from '@/server/files/upload-rules';

/** Numbers of the chat service; the offer time-out can be set with CHAT_OFFER_TIMEOUT_SECONDS. */
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

export function offerTimeoutMs(): number {
  return env().CHAT_OFFER_TIMEOUT_SECONDS * 1000;
}

export const ALLOWED_ATTACHMENT_TYPES = ALLOWED_UPLOAD_TYPES;
