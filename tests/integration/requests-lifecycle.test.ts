import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, requestMessages, requests } from '@/db/schema';
import { verifyAuditChain } from '@/server/audit/verify-audit-chain';
import { seedRequestCategories } from '@/server/seed/request-categories';
import { makeBackOfficeUser } from '../helpers/factories';
import { PNG_BASE64, provenVisitor, requestNotifications } from '../helpers/requests';
import { createHarness, harnessCaller, type Harness } from '../helpers/test-db';

const H = 3_600_000;
const at = (iso: string) => new Date(iso);
let h: Harness & { cleanup: () => Promise<void> };

beforeEach(async () => {
  delete process.env.BACKOFFICE_HOURS;
  process.env.HOLIDAYS = '2026-12-25';
  h = await createHarness();
  await seedRequestCategories(h.db);
});
afterEach(async () => {
  delete process.env.HOLIDAYS;
  await h.cleanup();
});

describe('a written request from submission to closing', () => {
  it('submit → claim → note → reply → waiting (clock paused) → answer (resumed) → resolve → reopen → resolve → rate → close', async () => {
    // Wednesday 25 November 2026, 12:00 Kyiv (the harness's clock). Billing: 4 h first response, 24 h resolution.
    const { token: visitorToken } = await provenVisitor(h.db, h.clock);
    const pub = harnessCaller(h, null);
    const submitted = await pub.requests.submit({ visitorToken, category: 'billing', text: 'Мені двічі списали абонплату.', files: [{ fileName: 'чек.png', contentBase64: PNG_BASE64 }], consent: true, locale: 'uk' });
    expect(submitted).toMatchObject({ number: 'Z-2026-000001', msisdn: '+380671234567', email: null });
    // 12:00 + 4 business hours = 16:00 Kyiv; 24 business hours: Wed 6 h, Thu 9 h, Fri 9 h → Friday 18:00 Kyiv.
    expect(submitted.firstResponseDueAt).toEqual(at('2026-11-25T14:00:00Z'));
    expect(submitted.resolutionDueAt).toEqual(at('2026-11-27T16:00:00Z'));
    const link = submitted.linkToken;

    // The SMS carries the link; the outbox itself keeps only a placeholder, never the token.
    const [receipt] = await requestNotifications(h.db);
    expect(receipt).toMatchObject({ channel: 'sms', recipient: '+380671234567', kind: 'request.submitted' });
    expect(receipt?.body).not.toContain(link);
    expect(receipt?.sent).toContain(`/r/${link}`);

    const bo = await makeBackOfficeUser(h.db, { name: 'Олена Бек' });
    const staff = harnessCaller(h, bo);
    const inbox = await staff.backoffice.requests.list({});
    expect(inbox.items.map((i) => i.number)).toEqual(['Z-2026-000001']);
    expect(inbox.items[0]).toMatchObject({ status: 'new', dueKind: 'firstResponse', sla: 'ok', dueAt: at('2026-11-25T14:00:00Z') });

    await staff.backoffice.requests.claim({ id: submitted.id });
    await staff.backoffice.requests.note({ id: submitted.id, body: 'Перевірити білінг вручну — ВНУТРІШНЄ' });
    const replied = await staff.backoffice.requests.reply({ id: submitted.id, body: 'Звернення {number} ({category}) у роботі; відповімо до {due}. {name}' });
    expect(replied.status).toBe('open');
    let detail = await staff.backoffice.requests.get({ id: submitted.id });
    expect(detail).toMatchObject({ assigneeId: bo.id, firstResponseAt: h.clock.now(), dueKind: 'resolution', dueAt: at('2026-11-27T16:00:00Z') });
    expect(detail.messages.map((m) => m.kind)).toEqual(['subscriber', 'subscriber', 'note', 'reply']);
    expect(detail.messages[3]?.body).toBe('Звернення Z-2026-000001 (Рахунки та оплата) у роботі; відповімо до 27.11.2026, 18:00. Олена Бек');

    // Wednesday 14:00 Kyiv: waiting for the subscriber; the clock pauses.
    h.clock.advance(2 * H);
    await staff.backoffice.requests.setWaiting({ id: submitted.id, body: 'Надішліть, будь ласка, фото квитанції.' });
    detail = await staff.backoffice.requests.get({ id: submitted.id });
    expect(detail).toMatchObject({ status: 'waiting', dueAt: null, sla: 'none', slaPausedAt: h.clock.now() });

    // Thursday 10:00 Kyiv: the subscriber answers. Paused: Wed 14–18 (4 h) + Thu 9–10 (1 h) = 5 business hours.
    h.clock.advance(20 * H);
    const view = await pub.requests.link.reply({ token: link, text: 'Ось квитанція.', files: [{ fileName: 'q.png', contentBase64: PNG_BASE64 }] });
    expect(view.status).toBe('open');
    detail = await staff.backoffice.requests.get({ id: submitted.id });
    // Friday 18:00 + 5 business hours = Monday 30 November 14:00 Kyiv.
    expect(detail).toMatchObject({ status: 'open', slaPausedAt: null, resolutionDueAt: at('2026-11-30T12:00:00Z'), dueAt: at('2026-11-30T12:00:00Z') });
    const row = (await h.db.select().from(requests).where(eq(requests.id, submitted.id)))[0];
    expect(row?.slaPausedMs).toBe(5 * H);

    await staff.backoffice.requests.resolve({ id: submitted.id, body: 'Повернули кошти.' });
    expect((await pub.requests.link.view({ token: link })).can).toMatchObject({ rate: true, reopen: true });

    // The subscriber answers a resolved request: it reopens (counted), the resolution target restarts.
    h.clock.advance(H);
    expect((await pub.requests.link.reply({ token: link, text: 'Кошти ще не надійшли.', files: [] })).status).toBe('open');
    detail = await staff.backoffice.requests.get({ id: submitted.id });
    expect(detail).toMatchObject({ status: 'open', reopenCount: 1, resolvedAt: null });
    await staff.backoffice.requests.resolve({ id: submitted.id, body: 'Тепер надійшли.' });

    const rated = await pub.requests.link.rate({ token: link, rating: 5, comment: 'Дякую' });
    expect(rated).toMatchObject({ rating: 5, can: { rate: false } });
    await expect(pub.requests.link.rate({ token: link, rating: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await staff.backoffice.requests.close({ id: submitted.id })).status).toBe('closed');

    // The subscriber's view never carries the note; every reply left once through the outbox.
    const final = await pub.requests.link.view({ token: link });
    expect(JSON.stringify(final)).not.toContain('ВНУТРІШНЄ');
    expect(final.messages.filter((m) => m.kind === 'reply').map((m) => m.body)).toEqual([
      'Звернення Z-2026-000001 (Рахунки та оплата) у роботі; відповімо до 27.11.2026, 18:00. Олена Бек',
      'Надішліть, будь ласка, фото квитанції.',
      'Повернули кошти.',
      'Тепер надійшли.',
    ]);
    const sent = await requestNotifications(h.db);
    expect(sent.map((n) => n.kind)).toEqual(['request.submitted', 'request.reply', 'request.waiting', 'request.resolved', 'request.resolved']);
    expect(new Set(sent.map((n) => n.dedupeKey)).size).toBe(sent.length);
    expect(sent.some((n) => n.body.includes('ВНУТРІШНЄ'))).toBe(false);
    // Each SMS fits 2 UCS-2 segments (134 characters) even with an APP_URL of 30 characters (the test's is 21).
    for (const sms of sent.filter((n) => n.channel === 'sms')) expect(sms.sent.length + 9).toBeLessThanOrEqual(134);

    // Every change is in the hash chain.
    const actions = (await h.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, submitted.id))).map((e) => e.action);
    expect(actions).toEqual(['request.submit', 'request.claim', 'request.note', 'request.reply', 'request.wait', 'request.answer', 'request.resolve', 'request.answer', 'request.resolve', 'request.rate', 'request.close']);
    expect((await verifyAuditChain(h.db)).ok).toBe(true);
    expect((await h.db.select().from(requestMessages).where(eq(requestMessages.requestId, submitted.id))).length).toBeGreaterThan(8);
  });

  it('a subscriber abroad proves an e-mail: replies go by e-mail with their text and the link', async () => {
    const { token: visitorToken } = await provenVisitor(h.db, h.clock, { email: 'ivan@example.com', locale: 'en' });
    const pub = harnessCaller(h, null);
    const submitted = await pub.requests.submit({ visitorToken, category: 'roaming', text: 'No data in Poland.', files: [], consent: true, locale: 'en' });
    expect(submitted).toMatchObject({ msisdn: null, email: 'ivan@example.com' });
    const staff = harnessCaller(h, await makeBackOfficeUser(h.db));
    await staff.backoffice.requests.reply({ id: submitted.id, body: 'Please restart the phone; request {number}.' });
    const mails = await requestNotifications(h.db, 'ivan@example.com');
    expect(mails.map((m) => m.channel)).toEqual(['email', 'email']);
    expect(mails[1]?.sent).toContain('Please restart the phone; request Z-2026-000001.');
    expect(mails[1]?.sent).toContain(`/r/${submitted.linkToken}`);
  });

  it('the subscriber closes and reopens through the link; the inbox flags late requests first', async () => {
    const pub = harnessCaller(h, null);
    const a = await pub.requests.submit({ visitorToken: (await provenVisitor(h.db, h.clock)).token, category: 'other', text: 'A', files: [], consent: true, locale: 'uk' });
    const b = await pub.requests.submit({ visitorToken: (await provenVisitor(h.db, h.clock, { msisdn: '+380501112233' })).token, category: 'roaming', text: 'B', files: [], consent: true, locale: 'uk' });
    const staff = harnessCaller(h, await makeBackOfficeUser(h.db));
    // Roaming: 2 h first response (due 14:00 Kyiv), other: 8 h (due Thursday 11:00). At 13:30 roaming is at risk; at 15:00 late.
    h.clock.advance(1.5 * H);
    let inbox = await staff.backoffice.requests.list({});
    expect(inbox.items.map((i) => [i.number, i.sla])).toEqual([
      [b.number, 'atRisk'],
      [a.number, 'ok'],
    ]);
    expect((await staff.backoffice.requests.list({ sla: 'atRisk' })).items.map((i) => i.number)).toEqual([b.number]);
    h.clock.advance(1.5 * H);
    inbox = await staff.backoffice.requests.list({ sla: 'late' });
    expect(inbox.items.map((i) => [i.number, i.sla])).toEqual([[b.number, 'late']]);
    expect((await staff.backoffice.requests.list({ search: '501112' })).items.map((i) => i.number)).toEqual([b.number]);
    expect((await staff.backoffice.requests.list({ search: a.number })).items.map((i) => i.number)).toEqual([a.number]);
    expect((await staff.backoffice.requests.list({ category: 'other' })).total).toBe(1);

    expect((await pub.requests.link.close({ token: a.linkToken })).status).toBe('closed');
    expect((await staff.backoffice.requests.list({})).items.map((i) => i.number)).toEqual([b.number]);
    const reopened = await pub.requests.link.reopen({ token: a.linkToken, text: 'Ще актуально' });
    expect(reopened).toMatchObject({ status: 'open' });
    expect((await staff.backoffice.requests.get({ id: a.id })).reopenCount).toBe(1);
  });

  it('due times at submission skip a holiday (HOLIDAYS) and keep the wall clock over the change to summer time', async () => {
    const pub = harnessCaller(h, null);
    const submitAt = async (iso: string, msisdn: string) => {
      h.clock.advance(Date.parse(iso) - h.clock.now().getTime());
      return pub.requests.submit({ visitorToken: (await provenVisitor(h.db, h.clock, { msisdn })).token, category: 'roaming', text: 'Роумінг', files: [], consent: true, locale: 'uk' });
    };
    // Thursday 24 December 17:00 Kyiv; Friday 25 December is a holiday. Roaming: 2 h first response, 16 h resolution.
    const christmas = await submitAt('2026-12-24T15:00:00Z', '+380670000001');
    expect(christmas.firstResponseDueAt).toEqual(at('2026-12-28T08:00:00Z')); // Monday 10:00
    expect(christmas.resolutionDueAt).toEqual(at('2026-12-29T13:00:00Z')); // 1 h Thu + 9 h Mon + 6 h Tue → Tuesday 15:00 Kyiv
    // Friday 26 March 2027 17:00 Kyiv (UTC+2); summer time from Sunday 28 March: Monday 10:00 is 07:00 UTC.
    const spring = await submitAt('2027-03-26T15:00:00Z', '+380670000002');
    expect(spring.firstResponseDueAt).toEqual(at('2027-03-29T07:00:00Z'));
  });
});
