import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { first } from '@/db/client';
import { applications, auditEvents } from '@/db/schema';
import { messageRefOf } from '@/server/trpc/error-mapping';
import { ucs2Segments } from '@/server/notifications/sms-segments';
import { say } from '../helpers/say';
import { bookletIdentification, idCardIdentification, signedApplication, SIM_FORM } from '../helpers/application-world';
import { backOfficeWorld, type BackOfficeWorld } from '../helpers/backoffice-world';
import { trpcFailure } from '../helpers/test-db';

/**
 * The SIM-swap guard: the number concerned always gets a notice it can dispute with; the
 * confirmation goes to a contact the subscriber can reach; without one, a waiting period.
 */
let w: BackOfficeWorld;
beforeEach(async () => {
  w = await backOfficeWorld();
  process.env.DATA_DIR = w.h.dir;
});
afterEach(() => w.h.cleanup());

const NUMBER = '+380671234567';
const OTHER = '+380501112233';
const HOUR = 3600_000;
const backoffice = () => w.as(w.world.backoffice).backoffice;
const subscriber = () => w.as(null).subscriber;
const version = async (id: string) => (await w.row(id))?.version ?? 0;

async function submit(formData: Record<string, Record<string, unknown>>) {
  const { applicationId, version: v } = await signedApplication(w, 'sim-replacement', formData);
  await w.as(w.world.dealer).application.submit({ applicationId, version: v, requestId: randomUUID() });
  const number = (await first(w.h.db.select({ number: applications.number }).from(applications).where(eq(applications.id, applicationId))))?.number ?? '';
  await w.deliver();
  return { applicationId, number };
}

const lostSim = (contact: Record<string, unknown>) => ({ number: SIM_FORM.number, contact });
const approveAudit = async (applicationId: string) =>
  (await first(w.h.db.select({ data: auditEvents.data }).from(auditEvents).where(and(eq(auditEvents.entityId, applicationId), eq(auditEvents.action, 'application.approve')))))?.data;

describe('the form', () => {
  it('a lost SIM needs another number or an e-mail, or the explicit "no other contact"; the contact is not the number itself', async () => {
    const dealer = w.as(w.world.dealer).application;
    const { applicationId } = await dealer.create({ chatId: w.chatId, templateId: 'sim-replacement' });
    await dealer.saveIdentification({ applicationId, party: 'subscriber', values: bookletIdentification() });
    const refused = async (contact: Record<string, unknown>, path: string) => {
      const error = await trpcFailure(dealer.complete({ applicationId, formData: lostSim(contact) }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toContain(path);
      return error;
    };
    expect((await refused({}, 'contact.contactPhone')).message).toContain('give another number or an e-mail');
    expect((await refused({ contactPhone: '+38 (067) 123-45-67' }, 'contact.contactPhone')).message).toContain('not the one the application is about');
    expect((await refused({ contactPhone: '050 111 22 33', noContact: true }, 'contact.noContact')).message).toContain('untick');
    expect((await w.row(applicationId))?.status).toBe('identified');

    // A new format while the old SIM works: the number itself confirms, no contact needed.
    expect((await dealer.complete({ applicationId, formData: { number: { ...SIM_FORM.number, reason: 'format' }, contact: {} } })).status).toBe('filled');
    expect((await dealer.complete({ applicationId, formData: lostSim({ contactEmail: 'maria@example.com' }) })).status).toBe('filled');
    expect((await dealer.complete({ applicationId, formData: lostSim({ noContact: true }) })).status).toBe('filled');
  });

  it('a number transfer whose SIM is gone asks the same of the current owner', async () => {
    const dealer = w.as(w.world.dealer).application;
    const { applicationId } = await dealer.create({ chatId: w.chatId, templateId: 'number-transfer' });
    await dealer.saveIdentification({ applicationId, party: 'currentOwner', values: bookletIdentification() });
    await dealer.saveIdentification({ applicationId, party: 'newOwner', values: idCardIdentification() });
    const transfer = { msisdn: '067 123 45 67', reason: 'agreement', simStatus: 'unavailable' };
    const newOwnerContact = { address: 'м. Бар, вул. Соборна, 1' };
    const error = await trpcFailure(dealer.complete({ applicationId, formData: { transfer, newOwnerContact, ownerContact: {} } }));
    expect(error.message).toContain('ownerContact.contactPhone');
    expect((await dealer.complete({ applicationId, formData: { transfer, newOwnerContact, ownerContact: { contactPhone: '050 111 22 33' } } })).status).toBe('filled');
  });
});

describe('where the messages go', () => {
  it('the notice goes to the number concerned and can only dispute; the confirmation goes to the other number; the review says which channel confirmed', async () => {
    const { applicationId, number } = await submit(SIM_FORM);
    expect(await w.row(applicationId)).toMatchObject({ confirmationMode: 'contact', waitingPeriodEndsAt: null });
    expect((await w.outbox(applicationId)).map((n) => [n.kind, n.channel, n.recipient]).toSorted()).toEqual([
      ['confirmation-request', 'sms', OTHER],
      ['notice', 'sms', NUMBER],
    ]);
    const notice = w.tokenFromInbox(number, { notice: true, to: NUMBER });
    const confirmation = w.tokenFromInbox(number, { to: OTHER });

    expect(await subscriber().view({ token: notice })).toMatchObject({ purpose: 'notice', canConfirm: false, canDispute: true });
    expect((await trpcFailure(subscriber().confirm({ token: notice }))).code).toBe('FORBIDDEN');
    expect((await w.row(applicationId))?.subscriberConfirmedAt).toBeNull();

    expect(await subscriber().view({ token: confirmation })).toMatchObject({ purpose: 'confirm', canConfirm: true, canDispute: true });
    await subscriber().confirm({ token: confirmation });
    await backoffice().approve({ applicationId, version: await version(applicationId) });
    const review = await backoffice().review({ applicationId });
    expect(review.confirmation).toMatchObject({ mode: 'contact', notice: '+38067•••4567', confirmTo: [{ channel: 'sms', recipient: '+38050•••2233' }], settled: true, via: { kind: 'sms', recipient: '+38050•••2233' } });
    expect(await approveAudit(applicationId)).toMatchObject({ confirmedVia: { kind: 'sms', recipient: '+38050•••2233' } });
  });

  it('an e-mail as the only contact: the confirmation is e-mailed, the number gets the notice', async () => {
    const { applicationId } = await submit(lostSim({ contactEmail: 'maria@example.com' }));
    expect((await w.outbox(applicationId)).map((n) => [n.kind, n.channel, n.recipient]).toSorted()).toEqual([
      ['confirmation-request', 'email', 'maria@example.com'],
      ['notice', 'sms', NUMBER],
    ]);
    const mail = w.inbox().find((m) => m.channel === 'email');
    const token = /\/s\/([A-Za-z0-9_-]{32})/.exec(mail?.text ?? '')?.[1] ?? '';
    await subscriber().confirm({ token });
    expect((await backoffice().review({ applicationId })).confirmation.via).toMatchObject({ kind: 'email', recipient: 'm•••@example.com' });
  });

  it('while the old SIM works, the number itself confirms and nothing else is sent', async () => {
    const { applicationId } = await submit({ number: { ...SIM_FORM.number, reason: 'format' }, contact: { contactPhone: '050 111 22 33' } });
    expect((await w.row(applicationId))?.confirmationMode).toBe('number');
    expect((await w.outbox(applicationId)).map((n) => [n.kind, n.recipient])).toEqual([['confirmation-request', NUMBER]]);
  });

  it("the number's owner saying 'not me' through the notice freezes it, even after the other contact confirmed", async () => {
    const { applicationId, number } = await submit(SIM_FORM);
    await subscriber().confirm({ token: w.tokenFromInbox(number, { to: OTHER }) });
    expect(await subscriber().dispute({ token: w.tokenFromInbox(number, { notice: true }), comment: 'Моя SIM-картка у мене' })).toEqual({ status: 'disputed' });
    expect((await trpcFailure(backoffice().approve({ applicationId, version: await version(applicationId) }))).code).toBe('CONFLICT');
    expect((await backoffice().review({ applicationId })).link).toMatchObject({ purpose: 'notice', disputeComment: 'Моя SIM-картка у мене' });
  });
});

describe('the same answer at once', () => {
  it('a confirmation sent three times at once: all three answered, the application confirmed once', async () => {
    const { applicationId, number } = await submit({ number: { ...SIM_FORM.number, reason: 'format' }, contact: {} });
    const token = w.tokenFromInbox(number, { to: NUMBER });
    const results = await Promise.allSettled([1, 2, 3].map(() => subscriber().confirm({ token })));
    expect(results).toEqual([1, 2, 3].map(() => ({ status: 'fulfilled', value: { status: 'submitted' } })));
    const confirmations = await w.h.db.select({ action: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.entityId, applicationId), eq(auditEvents.action, 'application.confirm')));
    expect(confirmations).toHaveLength(1);
    expect((await w.row(applicationId))?.subscriberConfirmedAt).toEqual(w.h.clock.now());
  });
});

describe('no other contact: the waiting period', () => {
  it('only the notice is sent; the back office may approve only once the period passed, and the queue shows the time left', async () => {
    const { applicationId } = await submit(lostSim({ noContact: true }));
    const submittedAt = w.h.clock.now();
    expect(await w.row(applicationId)).toMatchObject({ confirmationMode: 'waitingPeriod', waitingPeriodEndsAt: new Date(submittedAt.getTime() + 24 * HOUR) });
    expect((await w.outbox(applicationId)).map((n) => [n.kind, n.recipient])).toEqual([['notice', NUMBER]]);
    // The dealer is shown when the back office may approve.
    expect((await w.as(w.world.dealer).application.get({ applicationId })).waitingPeriodEndsAt).toEqual(new Date(submittedAt.getTime() + 24 * HOUR));

    const early = await trpcFailure(backoffice().approve({ applicationId, version: await version(applicationId) }));
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toMatch(/no other contact/);
    expect(messageRefOf(early)).toEqual({ messageKey: 'errors.waitingPeriodRunning', params: { until: expect.stringMatching(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/) } });
    expect(say(messageRefOf(early), 'uk')).toMatch(/немає іншого контакту: заяву можна схвалити після \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    expect(say(messageRefOf(early), 'en')).toMatch(/no other contact: the application may be approved after \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    expect((await backoffice().queue({})).items[0]).toMatchObject({ confirmationMode: 'waitingPeriod', waitingLeftMs: 24 * HOUR });
    expect((await backoffice().review({ applicationId })).confirmation).toMatchObject({ mode: 'waitingPeriod', settled: false, via: null, confirmTo: [] });

    w.h.clock.advance(24 * HOUR - 60_000);
    expect((await trpcFailure(backoffice().approve({ applicationId, version: await version(applicationId) }))).code).toBe('CONFLICT');
    expect((await backoffice().queue({})).items[0]?.waitingLeftMs).toBe(60_000);
    w.h.clock.advance(60_000);
    expect((await backoffice().queue({})).items[0]?.waitingLeftMs).toBe(0);
    expect((await backoffice().review({ applicationId })).confirmation).toMatchObject({ settled: true, via: { kind: 'waitingPeriod' } });
    expect((await backoffice().approve({ applicationId, version: await version(applicationId) })).status).toBe('approved');
    expect(await approveAudit(applicationId)).toMatchObject({ confirmedVia: { kind: 'waitingPeriod' } });
  });

  it("a dispute through the notice link freezes it: the period's end does not make it approvable", async () => {
    const { applicationId, number } = await submit(lostSim({ noContact: true }));
    await subscriber().dispute({ token: w.tokenFromInbox(number, { notice: true }) });
    w.h.clock.advance(25 * HOUR);
    const refused = await trpcFailure(backoffice().approve({ applicationId, version: await version(applicationId) }));
    expect(refused.code).toBe('CONFLICT');
    expect((await w.row(applicationId))?.status).toBe('disputed');
    expect((await backoffice().reject({ applicationId, version: await version(applicationId), reason: 'subscriberDisputed' })).status).toBe('rejected');
  });
});

describe("the subscriber's SMS", () => {
  it('every SMS of a submission and its decision fits 2 UCS-2 segments with its real link', async () => {
    const a = await submit(SIM_FORM);
    await subscriber().confirm({ token: w.tokenFromInbox(a.number, { to: OTHER }) });
    await backoffice().approve({ applicationId: a.applicationId, version: await version(a.applicationId) });
    const b = await submit(lostSim({ noContact: true }));
    await backoffice().reject({ applicationId: b.applicationId, version: await version(b.applicationId), reason: 'documentInvalid' });
    await w.deliver();
    const sms = w.inbox().filter((m) => m.channel === 'sms');
    expect(sms.length).toBeGreaterThanOrEqual(6);
    for (const m of sms) {
      expect(m.text).toMatch(/http:\/\/localhost:3000\/s\/[A-Za-z0-9_-]{32}$/);
      expect(ucs2Segments(m.text), m.text).toBeLessThanOrEqual(2);
    }
  });
});
