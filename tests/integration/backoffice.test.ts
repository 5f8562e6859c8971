import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { first } from '@/db/client';
import { auditEvents, confirmationLinks, notifications, signatures } from '@/db/schema';
import { CLAIM_IDLE_MS } from '@/server/backoffice/claim';
import { LINK_VALID_MS } from '@/server/subscriber/confirmation-link';
import { backOfficeWorld, type BackOfficeWorld } from '../helpers/backoffice-world';
import { trpcFailure } from '../helpers/test-db';

let w: BackOfficeWorld;
beforeEach(async () => {
  w = await backOfficeWorld();
  process.env.DATA_DIR = w.h.dir;
});
afterEach(() => w.h.cleanup());

const dealer = () => w.as(w.world.dealer).application;
const backoffice = () => w.as(w.world.backoffice).backoffice;
const subscriber = () => w.as(null).subscriber;

describe('submission', () => {
  it('submits once: the subscriber gets the SMS with a link (a lost SIM: a notice to the number, the confirmation to the other number); a replay of the same request changes nothing', async () => {
    const { applicationId, version } = await w.signed();
    const requestId = randomUUID();
    const submitted = await dealer().submit({ applicationId, version, requestId });
    expect(submitted.status).toBe('submitted');
    const replay = await dealer().submit({ applicationId, version, requestId });
    expect(replay).toEqual(submitted);
    // A second press with another request id is a conflict, not a second submission.
    const other = await trpcFailure(dealer().submit({ applicationId, version, requestId: randomUUID() }));
    expect(other.code).toBe('CONFLICT');

    expect(await w.outbox(applicationId)).toHaveLength(2);
    expect((await first(w.h.db.select({ n: count() }).from(confirmationLinks).where(eq(confirmationLinks.applicationId, applicationId))))?.n).toBe(2);
    expect((await first(w.h.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.entityId, applicationId), eq(auditEvents.action, 'application.submit')))))?.n).toBe(1);

    await w.deliver();
    await w.deliver();
    const inbox = w.inbox();
    expect(inbox.map((m) => [m.channel, m.to]).toSorted()).toEqual([
      ['sms', '+380501112233'],
      ['sms', '+380671234567'],
    ]);
    for (const m of inbox) expect(m.text).toMatch(/http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{32}$/);
    expect((await w.outbox(applicationId)).map((n) => [n.status, n.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
  });

  it('only the dealer company submits, only a signed application, with a valid request', async () => {
    const { applicationId, version } = await w.signed();
    expect((await trpcFailure(w.as(w.world.dealer2).application.submit({ applicationId, version, requestId: randomUUID() }))).code).toBe('NOT_FOUND');
    expect((await trpcFailure(w.as(w.world.operator).application.submit({ applicationId, version, requestId: randomUUID() }))).code).toBe('FORBIDDEN');
    expect((await trpcFailure(dealer().submit({ applicationId, version, requestId: 'not-a-uuid' }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure(dealer().submit({ applicationId, version: version - 1, requestId: randomUUID() }))).code).toBe('CONFLICT');
    const { applicationId: draft } = await dealer().create({ chatId: w.chatId, templateId: 'tariff-change' });
    const wrong = await trpcFailure(dealer().submit({ applicationId: draft, version: 1, requestId: randomUUID() }));
    expect(wrong.code).toBe('CONFLICT');
    expect(wrong.message).toMatch(/draft/);
    expect((await first(w.h.db.select({ n: count() }).from(notifications)))?.n).toBe(0);
  });
});

describe('the back-office queue', () => {
  it('lists submitted applications oldest first with their wait, claim holder and the filters', async () => {
    const sim = await w.submitted('sim-replacement');
    w.h.clock.advance(60_000);
    const tariff = await w.submitted('tariff-change');
    w.h.clock.advance(60_000);
    const queue = await backoffice().queue({});
    expect(queue.items.map((i) => i.number)).toEqual([sim.number, tariff.number]);
    expect(queue.items[0]).toMatchObject({ sensitive: true, waitedMs: 120_000, claimedByName: null, pointOfSale: expect.any(String) });
    expect(queue.counters).toMatchObject({ submitted: 2, disputed: 0, awaitingSubscriber: 1, mine: 0, oldestWaitMs: 120_000 });

    expect((await backoffice().queue({ sensitiveOnly: true })).items.map((i) => i.number)).toEqual([sim.number]);
    expect((await backoffice().queue({ awaitingSubscriber: true })).total).toBe(1);
    expect((await backoffice().queue({ templateId: 'tariff-change' })).items.map((i) => i.number)).toEqual([tariff.number]);
    expect((await backoffice().queue({ dealerId: w.world.dealer.dealerId ?? '' })).total).toBe(2);
    expect((await backoffice().queue({ dealerId: w.world.dealer2.dealerId ?? '' })).total).toBe(0);
    expect((await backoffice().queue({ pointOfSaleId: w.world.dealer.pointOfSaleId ?? '' })).total).toBe(2);
    expect((await backoffice().queue({ from: '2026-11-25', to: '2026-11-25' })).total).toBe(2);
    expect((await backoffice().queue({ from: '2026-11-26' })).total).toBe(0);
    expect((await backoffice().queue({ view: 'approved' })).total).toBe(0);

    await backoffice().claim({ applicationId: sim.applicationId });
    const other = await w.employee('Петро Іваненко');
    const seenByOther = await w.as(other).backoffice.queue({});
    expect(seenByOther.items[0]?.claimedByName).toBe(w.world.backoffice.name);
    expect((await backoffice().queue({})).counters.mine).toBe(1);
  });

  it('finds applications by a part of the subscriber’s name or phone number, in any case and any way of writing the number', async () => {
    const sim = await w.submitted('sim-replacement'); // Коваленко Марія Іванівна, 067 123 45 67
    const tariff = await w.submitted('tariff-change'); // the same person, 050 765 43 21
    const found = async (search: string) => (await backoffice().queue({ search })).items.map((i) => i.number);
    expect((await backoffice().queue({})).items[0]).toMatchObject({ number: sim.number, subscriberName: 'Коваленко Марія Іванівна' });
    expect(await found('коваленко')).toEqual([sim.number, tariff.number]);
    expect(await found('МАРІЯ ІВАН')).toEqual([sim.number, tariff.number]);
    expect(await found('0671234567')).toEqual([sim.number]);
    expect(await found('+380 67 123-45-67')).toEqual([sim.number]);
    expect(await found('765 43')).toEqual([tariff.number]);
    expect(await found('Іваненко')).toEqual([]);
    // LIKE's wildcards are taken literally.
    expect(await found('%')).toEqual([]);
    expect(await found('_')).toEqual([]);
    // Blank searches nothing away; the search combines with the other filters and views.
    expect(await found('  ')).toEqual([sim.number, tariff.number]);
    expect((await backoffice().queue({ search: 'коваленко', templateId: 'tariff-change' })).items.map((i) => i.number)).toEqual([tariff.number]);
    expect((await backoffice().queue({ search: 'коваленко', view: 'approved' })).total).toBe(0);
  });

  it('refuses bad filters with field errors', async () => {
    const bad = await trpcFailure(backoffice().queue({ from: '2026-02-30' }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect((await trpcFailure(backoffice().queue({ from: '2026-11-26', to: '2026-11-25' }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure(backoffice().queue({ limit: 10_000 }))).code).toBe('BAD_REQUEST');
  });
});

describe('deciding', () => {
  it('a sensitive application is approved only after the subscriber confirms; then the subscriber is told', async () => {
    const { applicationId, number } = await w.submitted('sim-replacement');
    await backoffice().claim({ applicationId });
    const early = await trpcFailure(backoffice().approve({ applicationId, version: (await w.row(applicationId))?.version ?? 0 }));
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toMatch(/not confirmed/);

    await w.deliver();
    const token = w.tokenFromInbox(number);
    expect(await subscriber().confirm({ token })).toEqual({ status: 'submitted' });
    const approved = await backoffice().approve({ applicationId, version: (await w.row(applicationId))?.version ?? 0 });
    expect(approved.status).toBe('approved');
    expect(await w.row(applicationId)).toMatchObject({ decidedBy: w.world.backoffice.id, status: 'approved' });

    await w.deliver();
    // Each recipient is told with their own link: the other number that confirmed, and the number concerned.
    const decisions = w.inbox().filter((m) => m.text.includes(`Заяву ${number} схвалено`));
    expect(decisions.map((m) => m.to).toSorted()).toEqual(['+380501112233', '+380671234567']);
    expect(decisions.find((m) => m.to === '+380501112233')?.text).toContain(`/s/${token}`);
    const view = await subscriber().view({ token });
    expect(view).toMatchObject({ number, status: 'approved', hasPdf: true, canConfirm: false });

    // The dealer and the chat's operator see the decision.
    expect((await dealer().get({ applicationId })).decision).toMatchObject({ byName: w.world.backoffice.name });
    expect((await w.as(w.world.operator).application.get({ applicationId })).status).toBe('approved');
  });

  it('20 concurrent approvals give one success; the others hear who decided', async () => {
    const { applicationId } = await w.submitted('tariff-change');
    const employees = [w.world.backoffice, ...(await Promise.all(Array.from({ length: 19 }, (_, i) => w.employee(`Співробітник ${i + 1}`))))];
    const version = (await w.row(applicationId))?.version ?? 0;
    const results = await Promise.allSettled(employees.map((e) => w.as(e).backoffice.approve({ applicationId, version })));
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost).toHaveLength(19);
    const decider = (await w.row(applicationId))?.decidedBy;
    const deciderName = employees.find((e) => e.id === decider)?.name ?? '';
    for (const r of lost) {
      expect(r.reason.code).toBe('CONFLICT');
      expect(r.reason.message).toContain(deciderName);
    }
    expect((await first(w.h.db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.entityId, applicationId), eq(auditEvents.action, 'application.approve')))))?.n).toBe(1);
    expect((await w.outbox(applicationId)).filter((n) => n.kind === 'decision')).toHaveLength(1);
  });

  it("another employee's live claim blocks a decision; it lapses after 30 idle minutes", async () => {
    const { applicationId } = await w.submitted('tariff-change');
    const other = await w.employee('Петро Іваненко');
    await w.as(other).backoffice.claim({ applicationId });
    const blocked = await trpcFailure(backoffice().approve({ applicationId, version: (await w.row(applicationId))?.version ?? 0 }));
    expect(blocked.code).toBe('CONFLICT');
    expect(blocked.message).toContain('Петро Іваненко');
    expect((await trpcFailure(backoffice().claim({ applicationId }))).code).toBe('CONFLICT');
    expect((await trpcFailure(backoffice().release({ applicationId }))).code).toBe('CONFLICT');

    // Opening the review keeps the claim alive …
    w.h.clock.advance(CLAIM_IDLE_MS - 60_000);
    await w.as(other).backoffice.review({ applicationId });
    w.h.clock.advance(CLAIM_IDLE_MS - 60_000);
    expect((await trpcFailure(backoffice().claim({ applicationId }))).code).toBe('CONFLICT');
    // … and without activity it lapses.
    w.h.clock.advance(CLAIM_IDLE_MS);
    await backoffice().claim({ applicationId });
    expect((await w.row(applicationId))?.claimedBy).toBe(w.world.backoffice.id);
    await backoffice().release({ applicationId });
    expect((await w.row(applicationId))?.claimedBy).toBeNull();
  });

  it('rejects with a reason (words required for "other"), and tells the subscriber', async () => {
    const { applicationId, number } = await w.submitted('tariff-change');
    const version = (await w.row(applicationId))?.version ?? 0;
    expect((await trpcFailure(backoffice().reject({ applicationId, version, reason: 'other' }))).code).toBe('BAD_REQUEST');
    // @ts-expect-error: a reason outside the list
    expect((await trpcFailure(backoffice().reject({ applicationId, version, reason: 'because' }))).code).toBe('BAD_REQUEST');
    expect((await w.row(applicationId))?.status).toBe('submitted');
    await backoffice().reject({ applicationId, version, reason: 'documentInvalid', comment: 'Паспорт недійсний' });
    expect(await w.row(applicationId)).toMatchObject({ status: 'rejected', decisionReason: 'documentInvalid', decisionComment: 'Паспорт недійсний' });
    await w.deliver();
    expect(w.inbox().map((m) => m.text)).toEqual([expect.stringContaining(`Заяву ${number} відхилено`), expect.stringContaining(`Підтвердьте заяву ${number}`)]);
    const decision = (await dealer().get({ applicationId })).decision;
    expect(decision).toMatchObject({ reason: 'documentInvalid', comment: 'Паспорт недійсний' });
  });

  it('returns to the dealer: filled again, verification and signatures gone, the old link replaced on the next submission', async () => {
    const { applicationId, number } = await w.submitted('tariff-change');
    await w.deliver();
    const oldToken = w.tokenFromInbox(number);
    const version = (await w.row(applicationId))?.version ?? 0;
    expect((await trpcFailure(backoffice().return({ applicationId, version, remarks: { 'tariff.nope': 'x' } }))).code).toBe('BAD_REQUEST');
    await backoffice().return({ applicationId, version, remarks: { 'tariff.newTariff': 'Абонент хоче інший тариф' } });
    const row = await w.row(applicationId);
    expect(row).toMatchObject({ status: 'filled', verifiedBy: null, pdfKey: null, claimedBy: null, remarks: { 'tariff.newTariff': 'Абонент хоче інший тариф' } });
    expect(await w.h.db.select().from(signatures).where(eq(signatures.applicationId, applicationId))).toEqual([]);
    expect((await dealer().get({ applicationId })).remarks).toEqual({ 'tariff.newTariff': 'Абонент хоче інший тариф' });
    // The old link no longer works (nothing to confirm until it is submitted again).
    const gone = await trpcFailure(subscriber().view({ token: oldToken }));
    expect(gone.code).toBe('FORBIDDEN');
    expect(gone.message).toMatch(/replaced/);
    // The back office still opens it, and hears it was returned.
    const late = await trpcFailure(backoffice().approve({ applicationId, version: row?.version ?? 0 }));
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toContain(w.world.backoffice.name);
  });
});

describe("the subscriber's link", () => {
  it('a message whose link was replaced before it left is cancelled, not sent', async () => {
    const { applicationId } = await w.submitted('tariff-change');
    await backoffice().return({ applicationId, version: (await w.row(applicationId))?.version ?? 0, note: 'Перевірте номер' });
    await w.deliver();
    expect(w.inbox()).toEqual([]);
    expect(await w.outbox(applicationId)).toEqual([expect.objectContaining({ status: 'cancelled' })]);
  });

  it('shows number, type, status, date and point of sale of its own application only', async () => {
    const a = await w.submitted('tariff-change');
    const b = await w.submitted('sim-replacement');
    await w.deliver();
    const viewA = await subscriber().view({ token: w.tokenFromInbox(a.number) });
    const viewB = await subscriber().view({ token: w.tokenFromInbox(b.number) });
    expect(viewA).toMatchObject({ number: a.number, status: 'submitted', applicationDate: '2026-11-25', canConfirm: true, canDispute: true });
    expect(viewA.title.uk).toBe('Заява на зміну тарифного плану');
    expect(viewA.pointOfSale).toEqual(expect.any(String));
    expect(viewB.number).toBe(b.number);
    expect(JSON.stringify(viewA)).not.toContain(b.number);
  });

  it('an altered, expired or used-up token gets a clear error and no data', async () => {
    const { number } = await w.submitted('tariff-change');
    await w.deliver();
    const token = w.tokenFromInbox(number);
    const altered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const notFound = await trpcFailure(subscriber().view({ token: altered }));
    expect(notFound.code).toBe('NOT_FOUND');
    expect(notFound.message).not.toContain(number);
    expect((await trpcFailure(subscriber().view({ token: '<script>' }))).code).toBe('NOT_FOUND');
    expect((await trpcFailure(subscriber().confirm({ token: altered }))).code).toBe('NOT_FOUND');

    await w.h.db.update(confirmationLinks).set({ opens: 100 });
    const usedUp = await trpcFailure(subscriber().view({ token }));
    expect([usedUp.code, usedUp.message]).toEqual(['FORBIDDEN', expect.stringMatching(/too many times/)]);
    await w.h.db.update(confirmationLinks).set({ opens: 0 });

    w.h.clock.advance(LINK_VALID_MS);
    const expired = await trpcFailure(subscriber().view({ token }));
    expect([expired.code, expired.message]).toEqual(['FORBIDDEN', expect.stringMatching(/expired/)]);
    expect((await trpcFailure(subscriber().confirm({ token }))).code).toBe('FORBIDDEN');
  });

  it('is rate-limited per address after 20 wrong tokens, even for a right one', async () => {
    const { number } = await w.submitted('tariff-change');
    await w.deliver();
    const token = w.tokenFromInbox(number);
    for (let i = 0; i < 20; i += 1) await trpcFailure(subscriber().view({ token: `${'x'.repeat(31)}${i % 10}` }));
    expect((await trpcFailure(subscriber().view({ token }))).code).toBe('TOO_MANY_REQUESTS');
    w.h.clock.advance(15 * 60_000 + 1);
    expect((await subscriber().view({ token })).number).toBe(number);
  });

  it('a dispute freezes the application, flags it, records address and time; the back office cannot approve it', async () => {
    const { applicationId, number } = await w.submitted('tariff-change');
    await w.deliver();
    const token = w.tokenFromInbox(number);
    expect(await subscriber().dispute({ token, comment: 'Я нічого не подавав' })).toEqual({ status: 'disputed' });
    expect(await subscriber().dispute({ token, comment: 'ще раз' })).toEqual({ status: 'disputed' });
    expect((await trpcFailure(subscriber().confirm({ token }))).code).toBe('CONFLICT');
    const link = await first(w.h.db.select().from(confirmationLinks).where(eq(confirmationLinks.applicationId, applicationId)));
    expect(link).toMatchObject({ disputeComment: 'Я нічого не подавав', answerIp: '127.0.0.1', disputedAt: w.h.clock.now() });

    const flagged = await backoffice().queue({ view: 'disputed' });
    expect(flagged.items.map((i) => i.number)).toEqual([number]);
    const review = await backoffice().review({ applicationId });
    expect(review.link).toMatchObject({ disputeComment: 'Я нічого не подавав', answerIp: '127.0.0.1' });
    const version = (await w.row(applicationId))?.version ?? 0;
    expect((await trpcFailure(backoffice().approve({ applicationId, version }))).code).toBe('CONFLICT');
    // Frozen for the dealer too.
    expect((await trpcFailure(dealer().cancel({ applicationId, version }))).code).toBe('CONFLICT');
    await backoffice().reject({ applicationId, version, reason: 'subscriberDisputed' });
    expect((await subscriber().view({ token })).status).toBe('rejected');
  });

  it('no answer a dealer or an operator can reach contains a token', async () => {
    const { applicationId, number } = await w.submitted('sim-replacement');
    await w.deliver();
    const tokens = [w.tokenFromInbox(number), w.tokenFromInbox(number, { notice: true })];
    const seen = JSON.stringify([
      await dealer().get({ applicationId }),
      await dealer().list(),
      await w.as(w.world.operator).application.get({ applicationId }),
      await w.as(w.world.dealer).chat.get({ chatId: w.chatId }),
      await w.as(w.world.operator).chat.get({ chatId: w.chatId }),
      await backoffice().review({ applicationId }),
    ]);
    for (const token of tokens) {
      expect(seen).not.toContain(token);
      expect((await w.h.db.select().from(notifications)).map((n) => n.body).join()).not.toContain(token);
      expect((await w.h.db.select().from(confirmationLinks)).map((l) => JSON.stringify(l)).join()).not.toContain(token);
    }
    for (const role of [w.world.dealer, w.world.operator, w.world.backoffice]) {
      expect((await trpcFailure(w.as(role).admin.notifications.devInbox({}))).code).toBe('FORBIDDEN');
      expect((await trpcFailure(w.as(role).admin.notifications.outbox({}))).code).toBe('FORBIDDEN');
    }
    expect((await w.as(w.world.admin).admin.notifications.outbox({})).length).toBeGreaterThan(0);
  });
});
