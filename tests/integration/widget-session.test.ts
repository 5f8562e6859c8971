import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { first } from '@/db/client';
import { auditEvents, chatMessages, chats, oneTimeCodes, visitors, visitorSessions } from '@/db/schema';
import { CODE_LIMITS } from '@/server/widget/code-limits';
import { signPortalToken } from '@/server/widget/portal-token';
import { hashWidgetToken, WIDGET_SESSION_MS } from '@/server/widget/visitor-session';
import { trpcFailure } from '../helpers/test-db';
import { widgetWorld, type WidgetWorld } from '../helpers/widget-world';

const SECRET = 'portal-secret-of-at-least-32-characters!';
let w: WidgetWorld;
beforeEach(async () => {
  w = await widgetWorld();
  process.env.PORTAL_TOKEN_SECRET = SECRET;
});
afterEach(async () => {
  delete process.env.PORTAL_TOKEN_SECRET;
  await w.h.cleanup();
});

const MSISDN = '+380671234567';

describe('a widget session', () => {
  it('is a guest with a 43-character token of which only the hash is stored, for 30 days, renewed on use at most once a day', async () => {
    const g = await w.guest();
    expect(g.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await first(w.h.db.select().from(visitorSessions).where(eq(visitorSessions.visitorId, g.visitorId)));
    expect(row?.tokenHash).toBe(hashWidgetToken(g.token));
    expect(JSON.stringify(row)).not.toContain(g.token);
    const start = w.h.clock.now().getTime();
    expect(row?.expiresAt.getTime()).toBe(start + WIDGET_SESSION_MS);
    expect(await (await g.api()).session.me()).toMatchObject({ visitor: { id: g.visitorId, msisdn: null, verifiedBy: null } });

    w.h.clock.advance(12 * 3600_000);
    expect((await (await g.api()).session.me()).expiresAt.getTime()).toBe(start + WIDGET_SESSION_MS);
    w.h.clock.advance(13 * 3600_000);
    expect((await (await g.api()).session.me()).expiresAt.getTime()).toBe(w.h.clock.now().getTime() + WIDGET_SESSION_MS);
    expect(await first(w.h.db.select().from(auditEvents).where(eq(auditEvents.action, 'visitor.start')))).toMatchObject({ actorId: g.visitorId, actorRole: 'guest' });
  });

  it('ends: expired or ended, the token is nobody (UNAUTHORIZED)', async () => {
    const g = await w.guest();
    await (await g.api()).session.end();
    expect((await trpcFailure((await g.api()).session.me())).code).toBe('UNAUTHORIZED');
    const h = await w.guest();
    w.h.clock.advance(WIDGET_SESSION_MS + 1000);
    expect((await trpcFailure((await h.api()).chat.current({}))).code).toBe('UNAUTHORIZED');
    expect((await trpcFailure((await w.widget('not-a-real-token-but-long-enough')).session.me())).code).toBe('UNAUTHORIZED');
  });

  it('refuses an embedding origin outside WIDGET_ORIGINS when they are set', async () => {
    process.env.WIDGET_ORIGINS = 'https://www.operator.ua';
    try {
      const refused = await trpcFailure((await w.widget(null)).session.start({ locale: 'uk', origin: 'https://evil.example' }));
      expect(refused.cause).toMatchObject({ messageKey: 'errors.widgetOriginNotAllowed' });
      await (await w.widget(null)).session.start({ locale: 'uk', origin: 'https://www.operator.ua' });
    } finally {
      delete process.env.WIDGET_ORIGINS;
    }
  });
});

describe('proving a number by SMS', () => {
  it('the code from the development inbox makes the guest the subscriber of that number; their chat goes with them and the operator is told', async () => {
    const g = await w.guest();
    const api = await g.api();
    const { chatId } = await api.chat.start({ topic: 'Тариф' });
    await api.chat.send({ chatId, clientId: crypto.randomUUID(), body: 'Добрий день' });
    const asked = await api.code.request({ channel: 'sms', msisdn: '067 123-45-67' });
    expect(asked).toMatchObject({ channel: 'sms', destination: MSISDN, attemptsLeft: 3 });
    const stored = await first(w.h.db.select().from(oneTimeCodes).where(eq(oneTimeCodes.destination, MSISDN)));
    const code = await w.codeSentTo(MSISDN);
    expect(JSON.stringify(stored)).not.toContain(code);

    const proven = await (await g.api()).code.verify({ code });
    expect(proven).toMatchObject({ msisdn: MSISDN, verifiedBy: 'sms' });
    const current = await (await g.api()).chat.current({});
    expect(current?.id).toBe(chatId);
    expect(current?.messages.map((m) => m.kind)).toEqual(['text', 'system']);
    expect(current?.messages[0]).toMatchObject({ authorRole: 'subscriber', authorName: `Абонент ${MSISDN}`, authorId: null });
    const verifiedEvent = await w.h.db.select().from(auditEvents).where(eq(auditEvents.action, 'visitor.verify'));
    expect(verifiedEvent).toHaveLength(1);
    // The code is used up.
    expect((await trpcFailure((await g.api()).code.verify({ code }))).cause).toMatchObject({ messageKey: 'errors.codeUsed' });
  });

  it('on another device, proving the same number shows the conversation; the guest of that device brings theirs', async () => {
    const first1 = await w.guest('10.0.0.1');
    const { chatId } = await (await first1.api()).chat.start({});
    await (await first1.api()).code.request({ channel: 'sms', msisdn: '+380 67 123 45 67' });
    await (await first1.api()).code.verify({ code: await w.codeSentTo(MSISDN) });
    await (await first1.api()).chat.leave({ chatId });

    const second = await w.guest('10.0.0.2');
    const { chatId: other } = await (await second.api()).chat.start({});
    await (await second.api()).code.request({ channel: 'sms', msisdn: '380671234567' });
    w.h.clock.advance(1000);
    const proven = await (await second.api()).code.verify({ code: await w.codeSentTo(MSISDN) });
    expect(proven.id).toBe(first1.visitorId);
    expect((await (await second.api()).chat.current({}))?.id).toBe(other);
    const mine = await w.h.db.select({ id: chats.id }).from(chats).where(eq(chats.visitorId, first1.visitorId));
    expect(mine.map((c) => c.id).sort()).toEqual([chatId, other].sort());
    // The messages the guest wrote are the subscriber's now.
    const guestRow = await first(w.h.db.select().from(visitors).where(eq(visitors.id, second.visitorId)));
    expect(guestRow?.msisdn).toBeNull();
    expect(await w.h.db.select().from(chatMessages).where(eq(chatMessages.visitorId, second.visitorId))).toEqual([]);
  });

  it('three wrong codes kill the code: the right one is refused after, a new one must be asked', async () => {
    const g = await w.guest();
    await (await g.api()).code.request({ channel: 'sms', msisdn: MSISDN });
    const code = await w.codeSentTo(MSISDN);
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await trpcFailure((await g.api()).code.verify({ code: wrong }))).cause).toMatchObject({ messageKey: 'errors.codeWrong', details: { attemptsLeft: 2 } });
    expect((await trpcFailure((await g.api()).code.verify({ code: wrong }))).cause).toMatchObject({ messageKey: 'errors.codeWrong', details: { attemptsLeft: 1 } });
    expect((await trpcFailure((await g.api()).code.verify({ code: wrong }))).cause).toMatchObject({ messageKey: 'errors.codeDead' });
    expect((await trpcFailure((await g.api()).code.verify({ code }))).cause).toMatchObject({ messageKey: 'errors.codeDead' });
    expect((await first(w.h.db.select().from(visitors).where(eq(visitors.id, g.visitorId))))?.msisdn).toBeNull();
  });

  it('an expired code is refused', async () => {
    const g = await w.guest();
    await (await g.api()).code.request({ channel: 'sms', msisdn: MSISDN });
    const code = await w.codeSentTo(MSISDN);
    w.h.clock.advance(CODE_LIMITS.lifeMs);
    expect((await trpcFailure((await g.api()).code.verify({ code }))).cause).toMatchObject({ messageKey: 'errors.codeExpired' });
  });

  it('a new code within a minute is refused with the seconds left; after it, the new code replaces the old', async () => {
    const g = await w.guest();
    await (await g.api()).code.request({ channel: 'sms', msisdn: MSISDN });
    const old = await w.codeSentTo(MSISDN);
    w.h.clock.advance(20_000);
    const tooSoon = await trpcFailure((await g.api()).code.request({ channel: 'sms', msisdn: MSISDN }));
    expect(tooSoon.code).toBe('TOO_MANY_REQUESTS');
    expect(tooSoon.cause).toMatchObject({ messageKey: 'errors.codeResendTooSoon', details: { seconds: 40 } });
    w.h.clock.advance(40_000);
    await (await g.api()).code.request({ channel: 'sms', msisdn: MSISDN });
    const fresh = await w.codeSentTo(MSISDN);
    if (fresh !== old) expect((await trpcFailure((await g.api()).code.verify({ code: old }))).cause).toMatchObject({ messageKey: 'errors.codeWrong' });
    expect((await (await g.api()).code.verify({ code: fresh })).msisdn).toBe(MSISDN);
  });

  it('caps: codes per number a day, per client address a day, per session', async () => {
    const ask = async (g: Awaited<ReturnType<WidgetWorld['guest']>>, msisdn: string) => (await g.api()).code.request({ channel: 'sms', msisdn });
    // Per number: different sessions and addresses, the same number.
    for (let i = 0; i < CODE_LIMITS.perDestinationPerDay; i += 1) await ask(await w.guest(`10.1.0.${i}`), '+380501112233');
    const perNumber = await trpcFailure(ask(await w.guest('10.1.0.99'), '+380501112233'));
    expect(perNumber.cause).toMatchObject({ messageKey: 'errors.codeLimitDestination' });
    // A day later the number may have codes again.
    w.h.clock.advance(CODE_LIMITS.dayMs + 1000);
    await ask(await w.guest('10.1.0.98'), '+380501112233');

    // Per address: many numbers from one address.
    for (let i = 0; i < CODE_LIMITS.perAddressPerDay; i += 1) await ask(await w.guest('10.2.0.1'), `+3806300000${String(i).padStart(2, '0')}`);
    expect((await trpcFailure(ask(await w.guest('10.2.0.1'), '+380630000099'))).cause).toMatchObject({ messageKey: 'errors.codeLimitAddress' });

    // Per session: one session, a minute apart, numbers never repeated.
    const g = await w.guest('10.3.0.1');
    for (let i = 0; i < CODE_LIMITS.perSession; i += 1) {
      await ask(g, `+3809300000${String(i).padStart(2, '0')}`);
      w.h.clock.advance(CODE_LIMITS.resendAfterMs);
    }
    expect((await trpcFailure(ask(g, '+380930000099'))).cause).toMatchObject({ messageKey: 'errors.codeLimitSession' });
  });

  it('a number that is not a Ukrainian mobile gets no code', async () => {
    const g = await w.guest();
    for (const msisdn of ['+48123456789', '+380441234567', '0441234567', '+38067123456', 'abc']) {
      const refused = await trpcFailure((await g.api()).code.request({ channel: 'sms', msisdn }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.cause).toMatchObject({ messageKey: 'errors.notUkrainianMobile' });
    }
    expect(await w.h.db.select().from(oneTimeCodes)).toEqual([]);
  });

  it('an e-mail address is proven by a code sent by e-mail', async () => {
    const g = await w.guest();
    const asked = await (await g.api()).code.request({ channel: 'email', email: 'Subscriber@Example.com' });
    expect(asked.destination).toBe('subscriber@example.com');
    const proven = await (await g.api()).code.verify({ code: await w.codeSentTo('subscriber@example.com') });
    expect(proven).toMatchObject({ email: 'subscriber@example.com', msisdn: null, verifiedBy: 'email' });
  });

  it('bad inputs: a code that is not 6 digits, an e-mail that is not one', async () => {
    const g = await w.guest();
    expect((await trpcFailure((await g.api()).code.verify({ code: '12345' }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure((await g.api()).code.verify({ code: '12345a' }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure((await g.api()).code.request({ channel: 'email', email: 'not-an-address' }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure((await g.api()).code.verify({ code: '123456' }))).cause).toMatchObject({ messageKey: 'errors.codeNotRequested' });
  });
});

describe('the portal token', () => {
  const exp = () => Math.floor(w.h.clock.now().getTime() / 1000) + 300;

  it('a good token proves the number without a code', async () => {
    const g = await w.guest();
    const proven = await (await g.api()).session.fromPortal({ token: signPortalToken(SECRET, MSISDN, exp()) });
    expect(proven).toMatchObject({ msisdn: MSISDN, verifiedBy: 'portal' });
  });

  it('expired, forged, of another secret, too long-lived: refused', async () => {
    const g = await w.guest();
    const expired = signPortalToken(SECRET, MSISDN, Math.floor(w.h.clock.now().getTime() / 1000) - 1);
    expect((await trpcFailure((await g.api()).session.fromPortal({ token: expired }))).cause).toMatchObject({ messageKey: 'errors.portalTokenExpired' });
    const good = signPortalToken(SECRET, MSISDN, exp());
    const forged = good.replace(MSISDN, '+380671234568');
    expect((await trpcFailure((await g.api()).session.fromPortal({ token: forged }))).cause).toMatchObject({ messageKey: 'errors.portalTokenInvalid' });
    const otherSecret = signPortalToken('another-secret-of-at-least-32-characters', MSISDN, exp());
    expect((await trpcFailure((await g.api()).session.fromPortal({ token: otherSecret }))).cause).toMatchObject({ messageKey: 'errors.portalTokenInvalid' });
    const tooLong = signPortalToken(SECRET, MSISDN, exp() + 3600);
    expect((await trpcFailure((await g.api()).session.fromPortal({ token: tooLong }))).cause).toMatchObject({ messageKey: 'errors.portalTokenInvalid' });
    expect((await trpcFailure((await g.api()).session.fromPortal({ token: 'garbage' }))).cause).toMatchObject({ messageKey: 'errors.portalTokenInvalid' });
    expect((await first(w.h.db.select().from(visitors).where(eq(visitors.id, g.visitorId))))?.msisdn).toBeNull();
  });

  it('without PORTAL_TOKEN_SECRET the portal path is off', async () => {
    delete process.env.PORTAL_TOKEN_SECRET;
    const g = await w.guest();
    const refused = await trpcFailure((await g.api()).session.fromPortal({ token: signPortalToken(SECRET, MSISDN, exp()) }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.cause).toMatchObject({ messageKey: 'errors.portalOff' });
  });
});
