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

/**
 * A written request's private link token (docs/requests.md): the same construction for the request's
 * id. The outbox keeps `{requestToken:<id>}` in a message's text; the sender derives the token
 * when the message leaves (`fillRequestTokens`).
 */
export function requestLinkToken(requestId: string): string {
  return createHmac('sha256', linkSecret()).update(`request-link:${requestId}`).digest().subarray(0, 24).toString('base64url');
}

/** `{requestToken:<id>}` placeholders of an outbox text → the requests' link tokens. */
export const fillRequestTokens = (text: string) => text.replace(/\{requestToken:([0-9a-f-]{36})\}/g, (_, id: string) => requestLinkToken(id));

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** 24 bytes in base64url. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

function linkSecret(): string {
  return env().LINK_SECRET || createHmac('sha256', authSecret()).update('dealer-desk confirmation links').digest('hex');
}
