/** Numbers of the chat service (free of server imports); the offer time-out is a setting: ./offer-timeout.ts. */
export { CHAT_LIMITS, ALLOWED_ATTACHMENT_TYPES } from './chat-limits';
