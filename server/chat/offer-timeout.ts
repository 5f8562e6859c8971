import { env } from '@/server/config/env';

/** How long an operator has to accept an offered chat: CHAT_OFFER_TIMEOUT_SECONDS (server/config/env.ts). */
export function offerTimeoutMs(): number {
  return env().CHAT_OFFER_TIMEOUT_SECONDS * 1000;
}
