import { createHash, createHmac } from 'node:crypto';
import { authSecret } from '@/server/auth/auth-secret';
import { env } from '@/server/config/env';

/**
 * A confirmation link's token: 192 bits of HMAC-SHA256 over the link id with the server's link
 * secret (LINK_SECRET, or one derived from the session secret). The database keeps only its
 * sha256, so neither a database copy nor the outbox reveals a working link; the sender derives
 * the token again when the message leaves. Rotating the secret invalidates every link.
 */
export function linkToken(linkId: string): string {
  return createHmac('sha256', linkSecret()).update(`confirmation-link:${linkId}`).digest().subarray(0, 24).toString('base64url');
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** 24 bytes in base64url. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

function linkSecret(): string {
  return env().LINK_SECRET || createHmac('sha256', authSecret()).update('dealer-desk confirmation links').digest('hex');
}
