import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { signInAttempts } from '@/db/schema';

/**
 * Slows down password guessing. Counts failures in a sliding window per e-mail (whether or not
 * the account exists, so the answer reveals nothing) and per client address. Stored in SQLite so
 * the limit holds across restarts and processes.
 */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerEmail: 5,
  maxFailuresPerIp: 30,
} as const;

export const emailKey = (email: string) => email.trim().toLowerCase();

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function checkSignInAllowed(db: Db, input: { email: string; ip: string; now: Date }): ThrottleDecision {
  const since = new Date(input.now.getTime() - THROTTLE.windowMs);
  const failures = (column: typeof signInAttempts.emailKey | typeof signInAttempts.ip, value: string) =>
    db
      .select({ n: count() })
      .from(signInAttempts)
      .where(and(eq(column, value), eq(signInAttempts.succeeded, false), gt(signInAttempts.at, since)))
      .get()?.n ?? 0;

  const blocked =
    failures(signInAttempts.emailKey, emailKey(input.email)) >= THROTTLE.maxFailuresPerEmail ||
    failures(signInAttempts.ip, input.ip) >= THROTTLE.maxFailuresPerIp;
  if (!blocked) return { allowed: true };
  // The oldest failure in the window leaves it first; simpler and safe: wait out the window.
  return { allowed: false, retryAfterSeconds: Math.ceil(THROTTLE.windowMs / 1000) };
}

export function recordSignInAttempt(db: Db, input: { email: string; ip: string; succeeded: boolean; now: Date }): void {
  db.transaction((tx) => {
    if (input.succeeded) {
      // A correct password clears this e-mail's failures: only consecutive guesses count.
      tx.delete(signInAttempts).where(eq(signInAttempts.emailKey, emailKey(input.email))).run();
    } else {
      tx.insert(signInAttempts).values({ emailKey: emailKey(input.email), ip: input.ip, succeeded: false, at: input.now }).run();
    }
    tx.delete(signInAttempts)
      .where(lt(signInAttempts.at, new Date(input.now.getTime() - 24 * 60 * 60 * 1000)))
      .run();
  });
}
