/**
 * What every uploaded photo or scan may be (chat attachments, identity document scans): the rule
 * of the files layer, which the chat's limits repeat by name (server/chat/chat-config.ts). Kept
 * free of imports so any layer, the UI included, may read it.
 */
export const ALLOWED_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
