/**
 * better-auth's session check costs about 1 ms per request (cookie signature, session and user
 * queries). A validated session cookie is remembered here for a few seconds; the user's `active`
 * flag is still read on every request, so deactivation stays immediate. Signing out forgets the
 * cookie in this process at once; another app process may accept it for at most TTL_MS.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  userId: string;
  until: number;
}

const entries = new Map<string, Entry>();

/** The session cookie's value (token and signature), whatever its prefix. */
export function sessionCookie(headers: Headers): string | null {
  const cookie = headers.get('cookie');
  if (!cookie) return null;
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'dd.session_token' || name === '__Secure-dd.session_token') return rest.join('=') || null;
  }
  return null;
}

export function cachedSessionUser(cookie: string, now = Date.now()): string | null {
  const entry = entries.get(cookie);
  if (!entry) return null;
  if (entry.until <= now) {
    entries.delete(cookie);
    return null;
  }
  return entry.userId;
}

export function rememberSession(cookie: string, userId: string, sessionExpiresAt: Date, now = Date.now()): void {
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(cookie, { userId, until: Math.min(now + TTL_MS, sessionExpiresAt.getTime()) });
}

export function forgetSession(cookie: string | null): void {
  if (cookie) entries.delete(cookie);
}
