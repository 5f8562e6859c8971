import { z } from 'zod';
import { getDb } from '@/db/client';
import { clientIp } from '@/server/http/client-address';
import { BodyTooLargeError, jsonError, tooLargeResponse, withLimitedBody } from '@/server/http/limited-body';
import { getAuth, sessionCookieName } from './auth';
import { forgetSession, sessionCookie, tokenOfCookie } from './session-cache';
import { announceSessionChange } from './session-signals';
import { checkSignInAllowed, recordSignInAttempt } from './sign-in-throttle';

const AUTH_BODY_LIMIT = 16 * 1024;
const signInBody = z.object({ email: z.string().max(320) }).loose();

/**
 * Entry point for /api/auth/*: a body limit for everything, and the sign-in throttle around
 * better-auth's e-mail sign-in (whose answer loses the session token: the cookie carries it,
 * page scripts need not see it). Sign-out also ends the session's open streams in this process.
 * Other auth paths go straight to better-auth.
 */
export async function handleAuthRequest(original: Request): Promise<Response> {
  let req: Request;
  try {
    req = await withLimitedBody(original, AUTH_BODY_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse(error.limit);
    throw error;
  }
  const auth = getAuth();
  const path = new URL(req.url).pathname;
  if (req.method === 'POST' && path.endsWith('/sign-out')) return signOut(req);
  if (req.method !== 'POST' || !path.endsWith('/sign-in/email')) return auth.handler(req);

  const parsed = signInBody.safeParse(await req.clone().json().catch(() => null));
  if (!parsed.success) {
    return jsonError(400, 'BAD_REQUEST', 'Send a JSON body with email and password.', {
      messageUk: 'Надішліть JSON з полями email і password.',
    });
  }
  const db = getDb();
  const ip = clientIp(req.headers);
  const email = parsed.data.email;
  const decision = checkSignInAllowed(db, { email, ip, now: new Date() });
  if (!decision.allowed) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    return jsonError(
      429,
      'TOO_MANY_ATTEMPTS',
      `Too many failed sign-in attempts. Try again in ${minutes} minutes.`,
      { messageUk: `Забагато невдалих спроб входу. Спробуйте ще раз через ${minutes} хв.`, retryAfterSeconds: decision.retryAfterSeconds },
      { 'Retry-After': String(decision.retryAfterSeconds) },
    );
  }
  const response = await auth.handler(req);
  if (response.status === 200 || response.status === 401) {
    recordSignInAttempt(db, { email, ip, succeeded: response.status === 200, now: new Date() });
  }
  return response.status === 200 ? withoutToken(response) : response;
}

async function signOut(req: Request): Promise<Response> {
  const cookie = sessionCookie(req.headers, await sessionCookieName());
  forgetSession(cookie);
  const response = await getAuth().handler(req);
  if (cookie) announceSessionChange({ token: tokenOfCookie(cookie) });
  return response;
}

/** better-auth's sign-in answer, {redirect, token, url, user}, without the token; headers (the cookie) kept. */
async function withoutToken(response: Response): Promise<Response> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  if (typeof body !== 'object' || body === null || !('token' in body)) return new Response(text, { status: response.status, headers });
  const { token: _token, ...rest } = body;
  return new Response(JSON.stringify(rest), { status: response.status, headers });
}
