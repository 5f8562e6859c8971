/** Numbers of the chat service; the offer time-out can be set with CHAT_OFFER_TIMEOUT_SECONDS. */
export { CHAT_LIMITS, ALLOWED_ATTACHMENT_TYPES } from './chat-limits';

export function offerTimeoutMs(): number {
  const seconds = Number(process.env.CHAT_OFFER_TIMEOUT_SECONDS ?? '10');
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 10_000;
}
