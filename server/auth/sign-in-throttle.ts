import { and, desc, eq, gt, lt, type SQL } from 'drizzle-orm';
import { first, inTransaction, type Db } from '@/db/client';
import { signInAttempts } from '@/db/schema';

/**
 * Slows down password guessing without handing anyone a way to lock others out. Failed sign-ins
 * are counted in sliding windows, stored in the database so the limits hold across restarts and
 * processes, and counted whether or not the account exists (the answer reveals nothing):
 *
 * - per (e-mail, address): 5 failures in 15 minutes block that pair. This is the limit a guesser
 *   meets; the owner at another address is not affected.
 * - per address: 30 failures in 15 minutes, whatever the e-mails, block that address (one
 *   address trying many accounts). Other addresses are not affected.
 * - per account, across all addresses: 50 failures in an hour block the e-mail everywhere. It
 *   caps a guesser who rotates addresses (at most 50 guesses an hour); locking the owner out this
 *   way takes at least 10 addresses, each of which has spent its own 5.
 *
 * Refused attempts are not counted, so a blocked guesser cannot prolong a block; Retry-After is
 * the time until the failure that keeps the block in place leaves its window. A correct password
 * clears the failures of that (e-mail, address) pair only.
 */
export const THROTTLE = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerPair: 5,
  maxFailuresPerIp: 30,
  accountWindowMs: 60 * 60 * 1000,
  maxFailuresPerAccount: 50,
} as const;

export const emailKey = (email: string) => email.trim().toLowerCase();

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function checkSignInAllowed(db: Db, input: { email: string; ip: string; now: Date }): Promise<ThrottleDecision> {
  const email = eq(signInAttempts.emailKey, emailKey(input.email));
  const ip = eq(signInAttempts.ip, input.ip);
  const limits: Limit[] = [
    { where: and(email, ip), max: THROTTLE.maxFailuresPerPair, windowMs: THROTTLE.windowMs },
    { where: ip, max: THROTTLE.maxFailuresPerIp, windowMs: THROTTLE.windowMs },
    { where: email, max: THROTTLE.maxFailuresPerAccount, windowMs: THROTTLE.accountWindowMs },
  ];
  const clears = (await Promise.all(limits.map((limit) => blockedUntil(db, limit, input.now)))).filter((at): at is number => at !== null);
  if (clears.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((Math.max(...clears) - input.now.getTime()) / 1000)) };
}

interface Limit {
  where: SQL | undefined;
  max: number;
  windowMs: number;
}

/**
 * When the limit stops blocking, or null if it does not block: blocked while `max` failures lie
 * in the window, i.e. until the max-th newest of them leaves it. One indexed query.
 */
async function blockedUntil(db: Db, limit: Limit, now: Date): Promise<number | null> {
  const row = await first(
    db
      .select({ at: signInAttempts.at })
      .from(signInAttempts)
      .where(and(limit.where, eq(signInAttempts.succeeded, false), gt(signInAttempts.at, new Date(now.getTime() - limit.windowMs))))
      .orderBy(desc(signInAttempts.at))
      .limit(1)
      .offset(limit.max - 1),
  );
  return row ? row.at.getTime() + limit.windowMs : null;
}

export async function recordSignInAttempt(db: Db, input: { email: string; ip: string; succeeded: boolean; now: Date }): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (input.succeeded) {
      // The owner got in from here: this pair's failures no longer count (other addresses' still do).
      await tx.delete(signInAttempts).where(and(eq(signInAttempts.emailKey, emailKey(input.email)), eq(signInAttempts.ip, input.ip)));
    } else {
      await tx.insert(signInAttempts).values({ emailKey: emailKey(input.email), ip: input.ip, succeeded: false, at: input.now });
    }
    await tx.delete(signInAttempts).where(lt(signInAttempts.at, new Date(input.now.getTime() - 24 * 60 * 60 * 1000)));
  });
}
