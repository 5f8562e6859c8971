import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatMessages, requests } from '@/db/schema';
import { messageRefOf } from '@/server/trpc/error-mapping';
import { seedRequestCategories } from '@/server/seed/request-categories';
import { makeAdmin, makeBackOfficeUser, makeDealerUser, makeOperator, makeSubscriberChat, makeVisitor } from '../helpers/factories';
import { provenVisitor, requestNotifications } from '../helpers/requests';
import { createHarness, harnessCaller, trpcFailure, type Harness } from '../helpers/test-db';

let h: Harness & { cleanup: () => Promise<void> };
beforeEach(async () => {
  h = await createHarness();
  await seedRequestCategories(h.db);
});
afterEach(async () => h.cleanup());

async function submit(msisdn: string, text = 'Питання') {
  const { token } = await provenVisitor(h.db, h.clock, { msisdn });
  return harnessCaller(h, null).requests.submit({ visitorToken: token, category: 'tariffs', text, files: [], consent: true, locale: 'uk' });
}

describe('who reaches a request', () => {
  it('one subscriber never sees another’s request: each link shows only its own; a forged or expired link shows nothing', async () => {
    const a = await submit('+380671111111', 'Питання А');
    const b = await submit('+380672222222', 'Питання Б');
    const pub = harnessCaller(h, null);
    const viewA = await pub.requests.link.view({ token: a.linkToken });
    expect(viewA.number).toBe(a.number);
    expect(JSON.stringify(viewA)).not.toContain('Питання Б');
    expect(JSON.stringify(viewA)).not.toContain(b.number);
    // A forged token (one character changed), a made-up one, one of another shape: not found, counted.
    const forged = `${a.linkToken.slice(0, -1)}${a.linkToken.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [forged, 'x'.repeat(32), '../../etc/passwd']) {
      const failure = await trpcFailure(pub.requests.link.view({ token }));
      expect(failure.code).toBe('NOT_FOUND');
      expect(messageRefOf(failure).messageKey).toBe('errors.linkNotFound');
    }
    await expect(pub.requests.link.reply({ token: forged, text: 'чуже', files: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // 91 days later the link has expired.
    h.clock.advance(91 * 24 * 3_600_000);
    const expired = await trpcFailure(pub.requests.link.view({ token: a.linkToken }));
    expect(expired.code).toBe('FORBIDDEN');
    expect(messageRefOf(expired).messageKey).toBe('errors.requestLinkExpired');
  });

  it('wrong links from one address are throttled', async () => {
    const pub = harnessCaller(h, null);
    for (let i = 0; i < 20; i += 1) await trpcFailure(pub.requests.link.view({ token: `${'y'.repeat(31)}${i % 10}` }));
    expect((await trpcFailure(pub.requests.link.view({ token: 'z'.repeat(32) }))).code).toBe('TOO_MANY_REQUESTS');
  });

  it('internal notes never reach the link’s answers nor the notifications', async () => {
    const a = await submit('+380671111111');
    const staff = harnessCaller(h, await makeBackOfficeUser(h.db));
    await staff.backoffice.requests.note({ id: a.id, body: 'СЕКРЕТ: абонент у чорному списку' });
    await staff.backoffice.requests.reply({ id: a.id, body: 'Відповідь' });
    await staff.backoffice.requests.note({ id: a.id, body: 'СЕКРЕТ 2' });
    await staff.backoffice.requests.resolve({ id: a.id });
    const pub = harnessCaller(h, null);
    const answers = [await pub.requests.link.view({ token: a.linkToken }), await pub.requests.link.rate({ token: a.linkToken, rating: 4 })];
    for (const answer of answers) {
      expect(JSON.stringify(answer)).not.toContain('СЕКРЕТ');
      expect(answer.messages.map((m) => m.kind)).not.toContain('note');
    }
    const sent = await requestNotifications(h.db);
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.some((n) => n.sent.includes('СЕКРЕТ'))).toBe(false);
    expect((await staff.backoffice.requests.get({ id: a.id })).messages.filter((m) => m.kind === 'note')).toHaveLength(2);
  });

  it('a dealer, an operator or nobody cannot reach backoffice.requests; a colleague’s request is not answered over their head', async () => {
    const a = await submit('+380671111111');
    for (const actor of [await makeDealerUser(h.db), await makeOperator(h.db)]) {
      const caller = harnessCaller(h, actor);
      expect((await trpcFailure(caller.backoffice.requests.list({}))).code).toBe('FORBIDDEN');
      expect((await trpcFailure(caller.backoffice.requests.get({ id: a.id }))).code).toBe('FORBIDDEN');
      expect((await trpcFailure(caller.backoffice.requests.reply({ id: a.id, body: 'x' }))).code).toBe('FORBIDDEN');
      expect((await trpcFailure(caller.admin.requestCategories.list())).code).toBe('FORBIDDEN');
    }
    expect((await trpcFailure(harnessCaller(h, null).backoffice.requests.list({}))).code).toBe('UNAUTHORIZED');
    const first = harnessCaller(h, await makeBackOfficeUser(h.db));
    const second = harnessCaller(h, await makeBackOfficeUser(h.db));
    await first.backoffice.requests.claim({ id: a.id });
    const taken = await trpcFailure(second.backoffice.requests.reply({ id: a.id, body: 'я теж' }));
    expect(messageRefOf(taken).messageKey).toBe('errors.requestClaimedByOther');
    expect(messageRefOf(await trpcFailure(second.backoffice.requests.claim({ id: a.id }))).messageKey).toBe('errors.requestClaimedByOther');
    // A stale page (an old version) is refused.
    const stale = await trpcFailure(first.backoffice.requests.reply({ id: a.id, body: 'x', version: 1 }));
    expect(messageRefOf(stale).messageKey).toBe('errors.changedMeanwhile');
    // A note by a colleague is fine; an admin may answer.
    await second.backoffice.requests.note({ id: a.id, body: 'підказка' });
    expect((await harnessCaller(h, await makeAdmin(h.db)).backoffice.requests.reply({ id: a.id, body: 'адмін' })).status).toBe('open');
  });

  it('a guest who proved nothing cannot submit', async () => {
    const { token } = await provenVisitor(h.db, h.clock, {});
    const failure = await trpcFailure(harnessCaller(h, null).requests.submit({ visitorToken: token, category: 'other', text: 'x', files: [], consent: true, locale: 'uk' }));
    expect(messageRefOf(failure).messageKey).toBe('errors.requestNotProven');
    const unknown = await trpcFailure(harnessCaller(h, null).requests.submit({ visitorToken: 'q'.repeat(43), category: 'other', text: 'x', files: [], consent: true, locale: 'uk' }));
    expect(messageRefOf(unknown).messageKey).toBe('errors.requestSessionEnded');
  });
});

describe('the operator turns a subscriber’s chat into a request', () => {
  it('the transcript is the first line and the visitor’s proven number the request’s; only the chat’s operator may', async () => {
    const operator = await makeOperator(h.db);
    const visitor = await makeVisitor(h.db, { msisdn: '+380673333333' }, h.clock);
    const chat = await makeSubscriberChat(h.db, { visitorId: visitor.id, operatorId: operator.id }, h.clock);
    await h.db.insert(chatMessages).values({ chatId: chat.id, seq: 1, kind: 'text', visitorId: visitor.id, body: 'Не працює інтернет у Львові', createdAt: h.clock.now() });
    const other = await trpcFailure(harnessCaller(h, await makeOperator(h.db)).requests.fromChat({ chatId: chat.id, category: 'coverage' }));
    expect(other.code).toBe('NOT_FOUND');
    const made = await harnessCaller(h, operator).requests.fromChat({ chatId: chat.id, category: 'coverage', text: 'Потрібна перевірка покриття' });
    expect(made).toMatchObject({ number: 'Z-2026-000001', status: 'new' });
    const row = (await h.db.select().from(requests).where(eq(requests.id, made.id)))[0];
    expect(row).toMatchObject({ msisdn: '+380673333333', chatId: chat.id, visitorId: visitor.id });
    const detail = await harnessCaller(h, await makeBackOfficeUser(h.db)).backoffice.requests.get({ id: made.id });
    expect(detail.messages[0]?.body).toContain('Потрібна перевірка покриття');
    expect(detail.messages[0]?.body).toContain('Не працює інтернет у Львові');
    expect((await requestNotifications(h.db, '+380673333333')).map((n) => n.kind)).toEqual(['request.submitted']);
    // A guest's chat (no proven number) cannot become a request.
    const guest = await makeVisitor(h.db, {}, h.clock);
    const guestChat = await makeSubscriberChat(h.db, { visitorId: guest.id, operatorId: operator.id }, h.clock);
    expect(messageRefOf(await trpcFailure(harnessCaller(h, operator).requests.fromChat({ chatId: guestChat.id, category: 'other' }))).messageKey).toBe('errors.requestChatNotProven');
  });
});
