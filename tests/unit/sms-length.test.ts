import { describe, expect, it } from 'vitest';
import { confirmationRequest, decisionNotice, noticeToNumber, SMS_MAX_CHARACTERS } from '@/server/notifications/messages';
import { ucs2Segments } from '@/server/notifications/sms-segments';
import { TEMPLATES } from '@/templates';

/** An APP_URL of 30 characters (the longest docs/backoffice.md promises) and a real token's length. */
const LINK_BASE = 'https://desk.dealer-example.ua';
const TOKEN = 'A'.repeat(32);
const NUMBER = 'DD-2026-000123';
const sent = (sms: string) => sms.replaceAll('{token}', TOKEN);

describe('UCS-2 segments', () => {
  it('70 characters in one segment, then 67 per segment', () => {
    expect(ucs2Segments('ж'.repeat(70))).toBe(1);
    expect(ucs2Segments('ж'.repeat(71))).toBe(2);
    expect(ucs2Segments('ж'.repeat(134))).toBe(2);
    expect(ucs2Segments('ж'.repeat(135))).toBe(3);
    expect(SMS_MAX_CHARACTERS).toBe(134);
  });
});

describe("the subscriber's SMS", () => {
  expect(LINK_BASE).toHaveLength(30);
  for (const template of TEMPLATES) {
    it(`${template.id}: the confirmation${template.guard ? ', the notice' : ''} and both decisions fit 2 segments, link included`, () => {
      const texts = [
        confirmationRequest({ number: NUMBER, template, linkBase: LINK_BASE }).sms,
        ...(template.guard ? [noticeToNumber({ number: NUMBER, template, linkBase: LINK_BASE }).sms] : []),
        decisionNotice({ number: NUMBER, status: 'approved', linkBase: LINK_BASE }).sms,
        decisionNotice({ number: NUMBER, status: 'rejected', linkBase: LINK_BASE }).sms,
      ].map(sent);
      for (const text of texts) {
        expect(text).toContain(`${LINK_BASE}/s/${TOKEN}`);
        expect(ucs2Segments(text), `${text.length}: ${text}`).toBeLessThanOrEqual(2);
      }
    });
  }
  it('the notice and the confirmation say «Це не я», as the button on the page', () => {
    const template = TEMPLATES.find((t) => t.guard);
    if (!template) throw new Error('no guarded form');
    expect(noticeToNumber({ number: NUMBER, template, linkBase: LINK_BASE }).sms).toContain('«Це не я»');
    expect(confirmationRequest({ number: NUMBER, template, linkBase: LINK_BASE }).sms).toContain('«Це не я»');
  });
});
