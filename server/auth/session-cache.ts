/**
 * better-auth's session check costs about 1 ms per request (cookie signature, session and user
 * queries; the signature alone is an HMAC through WebCrypto, the largest single cost of a chat
 * message's request in a profile). A cookie whose signature better-auth has verified is remembered
 * here for five minutes, as the session token it carries. The session row and the user's `active`
 * flag are still read on every request (load-actor.ts loadSessionActor), so sign-out, deactivation
 * and expiry take effect at once in every process; the cache only spares the signature check (a
 * signature once valid stays valid) and delays better-auth's hourly renewal of the session's
 * expiry by at most the same five minutes.
 */
export const SESSION_CACHE_TTL_MS = 5 * 60_000;
const TTL_MS = SESSION_CACHE_TTL_MS;
const MAX_ENTRIES = 10_000;

export interface CachedSession {
  token: string;
  userId: string;
  expiresAt: Date;
}

interface Entry extends CachedSession {
  until: number;
}

const entries = new Map<string, Entry>();

/**
 * The session cookie's value (token and signature). Only the name better-auth is configured to
 * use (auth.ts sessionCookieName: `__Secure-` prefixed when APP_URL is https): a plain-named
 * cookie next to a secure one could have been planted over http.
 */
export function sessionCookie(headers: Headers, name: string): string | null {
  const cookie = headers.get('cookie');
  if (!cookie) return null;
  for (const part of cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

/** The token part of a signed session cookie (`token.signature`, URL-encoded); unverified. */
export function tokenOfCookie(cookie: string): string {
  let value = cookie;
  try {
    value = decodeURIComponent(cookie);
  } catch {
    // A malformed escape: use the raw value.
  }
  const dot = value.lastIndexOf('.');
  return dot > 0 ? value.slice(0, dot) : value;
}

export function cachedSession(cookie: string, now = Date.now()): CachedSession | null {
  const entry = entries.get(cookie);
  if (!entry) return null;
  if (entry.until <= now) {
    entries.delete(cookie);
    return null;
  }
  return { token: entry.token, userId: entry.userId, expiresAt: entry.expiresAt };
}

export function rememberSession(cookie: string, session: CachedSession, now = Date.now()): void {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(cookie, { ...session, until: Math.min(now + TTL_MS, session.expiresAt.getTime()) });
}

export function forgetSession(cookie: string | null): void {
  if (cookie) entries.delete(cookie);
}

/** Forgets every cookie of a user (deactivation); a walk over at most MAX_ENTRIES, and rare. */
export function forgetUserSessions(userId: string): void {
  for (const [cookie, entry] of entries) if (entry.userId === userId) entries.delete(cookie);
}
