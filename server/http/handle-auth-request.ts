import { z } from 'zod';
import { getDb } from '@/server/config/database';
import { getAuth, sessionCookieName } from '@/server/auth/auth';
import { clientIp } from '@/server/auth/client-ip';
import { loadActiveActor } from '@/server/auth/load-actor';
import { WORKSPACE_PATH } from '@/server/auth/roles';
import { forgetSession, sessionCookie, tokenOfCookie } from '@/server/auth/session-cache';
import { announceSessionChange } from '@/server/auth/session-signals';
import { checkSignInAllowed, recordSignInAttempt } from '@/server/auth/sign-in-throttle';
import { BodyTooLargeError, jsonError, tooLargeResponse, withLimitedBody } from './limited-body';

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
  if (req.method === 'POST' && path.endsWith('/sign-in/form')) return signInByForm(req);
  if (req.method !== 'POST' || !path.endsWith('/sign-in/email')) return auth.handler(req);
  return signInByJson(req);
}

/** better-auth's e-mail sign-in, behind the throttle; the answer is JSON, without the token. */
async function signInByJson(req: Request): Promise<Response> {
  const auth = getAuth();
  const parsed = signInBody.safeParse(await req.clone().json().catch(() => null));
  if (!parsed.success) {
    return jsonError(400, 'BAD_REQUEST', 'Send a JSON body with email and password.', { messageKey: 'errors.signInBody' });
  }
  const db = getDb();
  const ip = clientIp(req.headers);
  const email = parsed.data.email;
  const decision = await checkSignInAllowed(db, { email, ip, now: new Date() });
  if (!decision.allowed) {
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    return jsonError(
      429,
      'TOO_MANY_ATTEMPTS',
      `Too many failed sign-in attempts. Try again in ${minutes} minutes.`,
      { messageKey: 'errors.signInThrottled', params: { minutes } },
      { headers: { 'Retry-After': String(decision.retryAfterSeconds) }, extra: { retryAfterSeconds: decision.retryAfterSeconds } },
    );
  }
  const response = await auth.handler(req);
  if (response.status === 200 || response.status === 401) {
    await recordSignInAttempt(db, { email, ip, succeeded: response.status === 200, now: new Date() });
  }
  return response.status === 200 ? withoutToken(response) : response;
}

export const SIGN_IN_ERRORS = ['invalid', 'throttled', 'failed'] as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[number];

const signInForm = z.object({ email: z.string().trim().max(320), password: z.string().max(128), next: z.string().max(2000).optional() });

/**
 * The sign-in page's form as the browser posts it before (or without) its script: the same
 * throttled sign-in, then a 303 to the workspace with the session cookie, or back to the page
 * naming the error. Same-origin form posts pass the front door's Origin check.
 */
async function signInByForm(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const form = signInForm.safeParse(Object.fromEntries(new URLSearchParams(await req.text())));
  const next = form.success ? safeNextPath(form.data.next) : null;
  if (!form.success) return backToSignIn(url, 'invalid', next);
  const headers = new Headers(req.headers);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  const answer = await signInByJson(
    new Request(new URL('/api/auth/sign-in/email', url), {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: form.data.email, password: form.data.password }),
    }),
  );
  if (answer.status === 429) return backToSignIn(url, 'throttled', next, answer.headers.get('retry-after'));
  if (answer.status === 401 || answer.status === 400) return backToSignIn(url, 'invalid', next);
  if (answer.status !== 200) return backToSignIn(url, 'failed', next);
  const body = (await answer.json().catch(() => null)) as { user?: { id?: unknown } } | null;
  const userId = typeof body?.user?.id === 'string' ? body.user.id : null;
  const actor = userId ? await loadActiveActor(getDb(), userId) : null;
  if (!actor) return backToSignIn(url, 'failed', next);
  const response = redirectTo(new URL(next && next !== '/' ? next : WORKSPACE_PATH[actor.role], url));
  for (const cookie of answer.headers.getSetCookie()) response.headers.append('set-cookie', cookie);
  return response;
}

/** Only same-site paths are followed after sign-in. */
export function safeNextPath(next: string | undefined): string | null {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}

function backToSignIn(base: URL, error: SignInError, next: string | null, retryAfter?: string | null): Response {
  const target = new URL('/sign-in', base);
  target.searchParams.set('error', error);
  if (retryAfter) target.searchParams.set('retry', retryAfter);
  if (next) target.searchParams.set('next', next);
  return redirectTo(target);
}

function redirectTo(target: URL): Response {
  return new Response(null, { status: 303, headers: { location: target.pathname + target.search, 'cache-control': 'no-store' } });
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
