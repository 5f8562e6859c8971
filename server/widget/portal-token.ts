import { createHmac, timingSafeEqual } from 'node:crypto';
import { normaliseUaMobile } from './msisdn';

/**
 * The self-service portal's proof of a number (docs/widget.md, "Portal token"):
 *
 *   v1.<msisdn>.<exp>.<mac>
 *
 * msisdn: +380XXXXXXXXX (E.164, with the '+'); exp: expiry, Unix seconds (decimal); mac: the
 * base64url (no padding) HMAC-SHA256, keyed with PORTAL_TOKEN_SECRET (its UTF-8 bytes), of the
 * ASCII string "v1.<msisdn>.<exp>". At most PORTAL_TOKEN_MAX_LIFE_S in the future; compared in
 * constant time. A token may be used again until it expires (no replay store): its life is short.
 */
export const PORTAL_TOKEN_MAX_LIFE_S = 10 * 60;
/** Clocks of the portal and the app may differ a little. */
export const PORTAL_CLOCK_SKEW_S = 30;

export type PortalTokenCheck = { ok: true; msisdn: string; expiresAt: Date } | { ok: false; reason: 'malformed' | 'badSignature' | 'expired' | 'tooLong' | 'notUkrainianMobile' };

export function portalTokenMac(secret: string, msisdn: string, exp: number): string {
  return createHmac('sha256', secret).update(`v1.${msisdn}.${exp}`, 'utf8').digest('base64url');
}

/** A token as the portal makes it (for tests and docs). */
export function signPortalToken(secret: string, msisdn: string, exp: number): string {
  return `v1.${msisdn}.${exp}.${portalTokenMac(secret, msisdn, exp)}`;
}

export function checkPortalToken(secret: string, token: string, now: Date): PortalTokenCheck {
  const match = /^v1\.(\+380\d{9})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token.trim());
  if (!match?.[1] || !match[2] || !match[3]) return { ok: false, reason: 'malformed' };
  const [, msisdn, expText, mac] = match;
  const exp = Number(expText);
  const expected = Buffer.from(portalTokenMac(secret, msisdn, exp));
  const given = Buffer.from(mac);
  // Equal lengths (43 characters each, by the pattern): the comparison takes the same time whatever differs.
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'badSignature' };
  const nowS = Math.floor(now.getTime() / 1000);
  if (exp <= nowS) return { ok: false, reason: 'expired' };
  if (exp > nowS + PORTAL_TOKEN_MAX_LIFE_S + PORTAL_CLOCK_SKEW_S) return { ok: false, reason: 'tooLong' };
  if (normaliseUaMobile(msisdn) !== msisdn) return { ok: false, reason: 'notUkrainianMobile' };
  return { ok: true, msisdn, expiresAt: new Date(exp * 1000) };
}
