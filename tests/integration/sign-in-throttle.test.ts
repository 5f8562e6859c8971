import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { checkSignInAllowed, recordSignInAttempt } from '@/server/auth/sign-in-throttle';
import { createTestDb } from '../helpers/test-db';

let db: Db;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterEach(() => cleanup());

const t0 = new Date('2026-11-25T10:00:00Z');
const MINUTE = 60_000;
// The documented limits (server/auth/sign-in-throttle.ts), written out so a change to them is deliberate.
const PER_PAIR = 5;
const PER_ACCOUNT = 50;
const ACCOUNT_WINDOW_MS = 60 * MINUTE;
const at = (ms: number) => new Date(t0.getTime() + ms);

const allowed = async (email: string, ip: string, when: Date) => (await checkSignInAllowed(db, { email, ip, now: when })).allowed;
const fail = (email: string, ip: string, when: Date) => recordSignInAttempt(db, { email, ip, succeeded: false, now: when });
const succeed = (email: string, ip: string, when: Date) => recordSignInAttempt(db, { email, ip, succeeded: true, now: when });

/** A wrong password as the sign-in route handles it: refused attempts are not counted. */
async function attempt(email: string, ip: string, when: Date): Promise<boolean> {
  if (!(await allowed(email, ip, when))) return false;
  await fail(email, ip, when);
  return true;
}

/** Attempts one after another (as requests would come), each at its time; whether each was let through. */
async function attempts(count: number, each: (i: number) => [email: string, ip: string, when: Date]): Promise<boolean[]> {
  const tried: boolean[] = [];
  for (let i = 0; i < count; i += 1) tried.push(await attempt(...each(i)));
  return tried;
}

describe('sign-in throttle', () => {
  it('an attacker at one address who fails 10 times does not lock the owner out at another', async () => {
    const tried = await attempts(10, (i) => ['owner@x.ua', '203.0.113.5', at(i * 1000)]);
    expect(tried.filter(Boolean)).toHaveLength(PER_PAIR);
    expect(await allowed('owner@x.ua', '203.0.113.5', at(20_000))).toBe(false);
    expect(await allowed('owner@x.ua', '198.51.100.20', at(20_000))).toBe(true);
  });

  it('blocks the (e-mail, address) pair after 5 failures, case-insensitively, until the oldest failure leaves the window', async () => {
    for (let i = 0; i < PER_PAIR - 1; i += 1) await fail('A@x.ua', 'ip', at(i * MINUTE));
    expect(await allowed('a@x.ua', 'ip', at(5 * MINUTE))).toBe(true);
    await fail('a@X.ua', 'ip', at(5 * MINUTE));
    // The oldest failure (minute 0) leaves the 15-minute window at minute 15: 9 minutes from minute 6.
    expect(await checkSignInAllowed(db, { email: 'a@x.ua', ip: 'ip', now: at(6 * MINUTE) })).toEqual({ allowed: false, retryAfterSeconds: 9 * 60 });
    expect(await allowed('a@x.ua', 'ip', at(15 * MINUTE - 1))).toBe(false);
    expect(await allowed('a@x.ua', 'ip', at(15 * MINUTE + 1))).toBe(true);
  });

  it('a correct password clears that pair’s failures only', async () => {
    for (let i = 0; i < PER_PAIR - 1; i += 1) {
      await fail('b@x.ua', 'shop', at(i));
      await fail('b@x.ua', 'elsewhere', at(i));
    }
    await succeed('b@x.ua', 'shop', at(100));
    await fail('b@x.ua', 'shop', at(101));
    await fail('b@x.ua', 'elsewhere', at(101));
    expect(await allowed('b@x.ua', 'shop', at(102))).toBe(true);
    expect(await allowed('b@x.ua', 'elsewhere', at(102))).toBe(false);
  });

  it('30 failures from one address block that address for every e-mail, and never another address, even for the e-mails it guessed', async () => {
    const tried = await attempts(40, (i) => [`user${i % 6}@x.ua`, '198.51.100.7', at(i * 1000)]);
    expect(tried.filter(Boolean)).toHaveLength(30);
    expect(await allowed('fresh@x.ua', '198.51.100.7', at(60_000))).toBe(false);
    for (let i = 0; i < 6; i += 1) expect(await allowed(`user${i}@x.ua`, '198.51.100.8', at(60_000))).toBe(true);
    expect(await allowed('fresh@x.ua', '198.51.100.8', at(60_000))).toBe(true);
  });

  it('the per-account cap holds across addresses, for an hour from the oldest failure', async () => {
    for (let i = 0; i < PER_ACCOUNT; i += 1) expect(await attempt('c@x.ua', `10.9.${i}.1`, at(i * MINUTE))).toBe(true);
    const now = at(PER_ACCOUNT * MINUTE);
    expect(await checkSignInAllowed(db, { email: 'c@x.ua', ip: '10.99.99.99', now })).toEqual({
      allowed: false,
      retryAfterSeconds: (ACCOUNT_WINDOW_MS - PER_ACCOUNT * MINUTE) / 1000,
    });
    expect(await allowed('c@x.ua', '10.99.99.99', at(ACCOUNT_WINDOW_MS + 1))).toBe(true);
    expect(await allowed('other@x.ua', '10.99.99.99', now)).toBe(true);
  });
});
