import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPortalToken, PORTAL_TOKEN_MAX_LIFE_S, signPortalToken } from '@/server/widget/portal-token';

const SECRET = 'a-portal-secret-that-is-32-chars-long';
const NOW = new Date('2026-12-01T12:00:00Z');
const nowS = NOW.getTime() / 1000;

describe('the portal token v1.<msisdn>.<exp>.<mac>', () => {
  it('is the HMAC-SHA256 of the exact string "v1.<msisdn>.<exp>", base64url without padding (the worked example of docs/widget.md)', () => {
    const exp = 1_796_140_800;
    const mac = createHmac('sha256', SECRET).update(`v1.+380671234567.${exp}`).digest('base64url');
    expect(signPortalToken(SECRET, '+380671234567', exp)).toBe(`v1.+380671234567.${exp}.${mac}`);
    expect(mac).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('a good one proves the number until it expires', () => {
    const token = signPortalToken(SECRET, '+380671234567', nowS + 300);
    expect(checkPortalToken(SECRET, token, NOW)).toEqual({ ok: true, msisdn: '+380671234567', expiresAt: new Date((nowS + 300) * 1000) });
  });

  it('expired, at its second or after', () => {
    expect(checkPortalToken(SECRET, signPortalToken(SECRET, '+380671234567', nowS), NOW)).toEqual({ ok: false, reason: 'expired' });
    expect(checkPortalToken(SECRET, signPortalToken(SECRET, '+380671234567', nowS - 60), NOW)).toEqual({ ok: false, reason: 'expired' });
  });

  it('living longer than 10 minutes (and the 30 s of clock skew) is refused', () => {
    expect(checkPortalToken(SECRET, signPortalToken(SECRET, '+380671234567', nowS + PORTAL_TOKEN_MAX_LIFE_S + 30), NOW).ok).toBe(true);
    expect(checkPortalToken(SECRET, signPortalToken(SECRET, '+380671234567', nowS + PORTAL_TOKEN_MAX_LIFE_S + 31), NOW)).toEqual({ ok: false, reason: 'tooLong' });
  });

  it('forged (another number or time under the same mac), or signed with another secret: bad signature', () => {
    const token = signPortalToken(SECRET, '+380671234567', nowS + 300);
    expect(checkPortalToken(SECRET, token.replace('+380671234567', '+380671234568'), NOW)).toEqual({ ok: false, reason: 'badSignature' });
    expect(checkPortalToken(SECRET, token.replace(`.${nowS + 300}.`, `.${nowS + 301}.`), NOW)).toEqual({ ok: false, reason: 'badSignature' });
    expect(checkPortalToken(SECRET, signPortalToken('another-secret-of-32-characters-long', '+380671234567', nowS + 300), NOW)).toEqual({ ok: false, reason: 'badSignature' });
  });

  it('malformed: wrong version, a number not in +380 form, a mac of the wrong length', () => {
    const good = signPortalToken(SECRET, '+380671234567', nowS + 300);
    for (const token of ['', 'v1', good.replace('v1.', 'v2.'), signPortalToken(SECRET, '0671234567', nowS + 300), `${good}x`, good.slice(0, -1)]) {
      expect(checkPortalToken(SECRET, token, NOW)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('a signed landline is not a mobile', () => {
    expect(checkPortalToken(SECRET, signPortalToken(SECRET, '+380441234567', nowS + 300), NOW)).toEqual({ ok: false, reason: 'notUkrainianMobile' });
  });
});
