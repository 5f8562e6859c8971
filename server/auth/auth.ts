import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { dialectOf, type Db } from '@/db/client';
import { getDb } from '@/server/config/database';
import { accounts, sessions, users, verifications } from '@/db/schema';
import { ROLES } from './roles';
import { env } from '@/server/config/env';
import { authSecret } from './auth-secret';
import { loadActiveActor } from './load-actor';

export const SESSION_COOKIE_PREFIX = 'dd';

/**
 * better-auth does sessions, cookies and password hashing (scrypt, memory-hard). Accounts are
 * created only by an admin (server/admin/create-user.ts); public sign-up is off. Throttling of
 * wrong passwords is ours (sign-in-throttle.ts) because it must span processes and count per e-mail.
 */
export function createAuth(db: Db) {
  return betterAuth({
    appName: 'Dealer Desk',
    secret: authSecret(),
    baseURL: env().APP_URL,
    // Same-origin check against the host the browser used (a tablet on the shop's network
    // reaches the server by its address, not by "localhost"), plus APP_URL when set.
    trustedOrigins: (request) => [env().APP_URL, ...env().ALLOWED_ORIGINS, request ? requestOrigin(request) : undefined],
    database: drizzleAdapter(db, {
      provider: dialectOf(db) === 'postgres' ? 'pg' : 'sqlite',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    user: {
      // Ours, declared so better-auth knows they exist; it never writes them (input: false).
      additionalFields: {
        role: { type: [...ROLES], required: true, input: false },
        dealerId: { type: 'string', required: false, input: false },
        pointOfSaleId: { type: 'string', required: false, input: false },
        active: { type: 'boolean', required: true, defaultValue: true, input: false },
      },
    },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      database: { generateId: () => crypto.randomUUID() },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user gets the same answer as a wrong password.
          before: async (session) => {
            if (!(await loadActiveActor(db, session.userId))) {
              throw new APIError('UNAUTHORIZED', { message: 'Invalid email or password', code: 'INVALID_EMAIL_OR_PASSWORD' });
            }
          },
        },
      },
    },
  });
}

/** The origin the browser addressed: Host (or X-Forwarded-Host behind a proxy) and the scheme. */
function requestOrigin(request: Request): string | undefined {
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!host) return undefined;
  const proto = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '');
  return `${proto}://${host}`;
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * The one session cookie name better-auth sets and reads: `dd.session_token`, with the
 * `__Secure-` prefix when APP_URL is https (or, without APP_URL, in production).
 */
export async function sessionCookieName(auth: Auth = getAuth()): Promise<string> {
  return (await auth.$context).authCookies.sessionToken.name;
}

let singleton: Auth | undefined;

/** Created on first use, never at import time (`next build` imports route modules). */
export function getAuth(): Auth {
  singleton ??= createAuth(getDb());
  return singleton;
}
