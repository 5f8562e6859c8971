import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { checkSignInAllowed, recordSignInAttempt, THROTTLE } from '@/server/auth/sign-in-throttle';
import { createTestDb } from '../helpers/test-db';

let db: Db;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = createTestDb()));
afterEach(() => cleanup());

const t0 = new Date('2026-11-25T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const fail = (email: string, ip: string, when: Date) => recordSignInAttempt(db, { email, ip, succeeded: false, now: when });

describe('sign-in throttle', () => {
  it('blocks an e-mail after the allowed failures, case-insensitively, until the window passes', () => {
    for (let i = 0; i < THROTTLE.maxFailuresPerEmail - 1; i += 1) fail('A@x.ua', `ip${i}`, at(i));
    expect(checkSignInAllowed(db, { email: 'a@x.ua', ip: 'new', now: at(10) }).allowed).toBe(true);
    fail('a@X.ua', 'ip9', at(11));
    expect(checkSignInAllowed(db, { email: 'a@x.ua', ip: 'new', now: at(12) })).toMatchObject({ allowed: false });
    expect(checkSignInAllowed(db, { email: 'a@x.ua', ip: 'new', now: at(THROTTLE.windowMs + 20) }).allowed).toBe(true);
  });

  it('a correct password clears the e-mail failures', () => {
    for (let i = 0; i < THROTTLE.maxFailuresPerEmail - 1; i += 1) fail('b@x.ua', 'ip', at(i));
    recordSignInAttempt(db, { email: 'b@x.ua', ip: 'ip', succeeded: true, now: at(100) });
    fail('b@x.ua', 'ip', at(101));
    expect(checkSignInAllowed(db, { email: 'b@x.ua', ip: 'ip', now: at(102) }).allowed).toBe(true);
  });

  it('blocks an address that guesses across many e-mails', () => {
    for (let i = 0; i < THROTTLE.maxFailuresPerIp; i += 1) fail(`user${i}@x.ua`, '198.51.100.7', at(i));
    expect(checkSignInAllowed(db, { email: 'fresh@x.ua', ip: '198.51.100.7', now: at(1000) }).allowed).toBe(false);
    expect(checkSignInAllowed(db, { email: 'fresh@x.ua', ip: '198.51.100.8', now: at(1000) }).allowed).toBe(true);
  });
});
