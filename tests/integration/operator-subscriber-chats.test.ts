import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, chatMessages, realtimeEvents } from '@/db/schema';
import { cannedReplyIn } from '@/server/chat/canned-reply-text';
import { chatWorld, type ChatWorld } from '../helpers/chat-world';
import { makeDealerCompany, makePointOfSale, makeSubscriberChat, makeVisitor } from '../helpers/factories';
import { trpcFailure } from '../helpers/test-db';

/** The operator's side of subscribers' chats (the widget): the console, the visitor's history, points of sale, canned replies, step-up. */
let w: ChatWorld;
beforeEach(async () => {
  w = await chatWorld();
});
afterEach(() => w.h.cleanup());

const at = (iso: string) => new Date(iso);

describe('subscriber chats in the operator console', () => {
  it('lists a waiting guest chat in the queue and an own verified one among the chats, marked with the class and the visitor', async () => {
    const guest = await makeVisitor(w.h.db);
    const verified = await makeVisitor(w.h.db, { msisdn: '+380671234567', verifiedBy: 'sms', locale: 'en' });
    const waiting = await makeSubscriberChat(w.h.db, { visitorId: guest.id, topic: 'Роумінг' });
    const mine = await makeSubscriberChat(w.h.db, { visitorId: verified.id, operatorId: w.world.operator.id, topic: 'PUK' });
    const console_ = await w.as(w.world.operator).operator.console();
    const queued = console_.queue.find((c) => c.id === waiting.id);
    expect(queued).toMatchObject({ class: 'subscriber', dealerName: null, dealerUserName: null, language: 'uk', visitor: { verified: false, msisdn: null, verifiedBy: null } });
    expect(console_.chats.find((c) => c.id === mine.id)).toMatchObject({
      class: 'subscriber',
      language: 'en',
      visitor: { id: verified.id, verified: true, msisdn: '+380671234567', email: null, verifiedBy: 'sms', locale: 'en' },
    });
    const detail = await w.as(w.world.operator).chat.get({ chatId: mine.id });
    expect(detail).toMatchObject({ class: 'subscriber', canWrite: true, visitor: { verified: true } });
  });

  it('a dealer chat stays a dealer chat in the summaries, in Ukrainian, without a visitor', async () => {
    await w.online(w.world.operator);
    const { chatId } = await w.as(w.world.dealer).chat.start({ topic: 'Тариф' });
    await w.as(w.world.operator).operator.accept({ chatId });
    const [summary] = await w.as(w.world.operator).chat.list({ status: 'active' });
    expect(summary).toMatchObject({ id: chatId, class: 'dealer', visitor: null, language: 'uk', dealerUserName: w.world.dealer.name });
  });

  it('a dealer sees no subscriber chat, and another operator cannot open one', async () => {
    const visitor = await makeVisitor(w.h.db);
    const chat = await makeSubscriberChat(w.h.db, { visitorId: visitor.id, operatorId: w.world.operator.id });
    expect(await w.as(w.world.dealer).chat.list()).toEqual([]);
    expect((await trpcFailure(w.as(w.world.operator2).chat.get({ chatId: chat.id }))).code).toBe('NOT_FOUND');
    expect((await trpcFailure(w.as(w.world.dealer).chat.get({ chatId: chat.id }))).code).toBe('NOT_FOUND');
  });

  it('counts the visitor’s message as unread and as awaiting the operator’s reply', async () => {
    const visitor = await makeVisitor(w.h.db);
    const chat = await makeSubscriberChat(w.h.db, { visitorId: visitor.id, operatorId: w.world.operator.id });
    await w.as(w.world.operator).chat.send({ chatId: chat.id, clientId: crypto.randomUUID(), text: 'Вітаю!' });
    w.h.clock.advance(60_000);
    await w.h.db.insert(chatMessages).values({ chatId: chat.id, seq: 2, kind: 'text', visitorId: visitor.id, body: 'Де мій PUK?', createdAt: w.h.clock.now() });
    const detail = await w.as(w.world.operator).chat.get({ chatId: chat.id });
    expect(detail.unread).toBe(1);
    expect(detail.awaitingReplySince).toEqual(w.h.clock.now());
    expect(detail.messages.at(-1)).toMatchObject({ authorId: null, authorRole: 'subscriber', body: 'Де мій PUK?' });
  });
});

describe('a subscriber chat’s transcript', () => {
  it('names the subscriber by the proven number and their messages as the subscriber’s', async () => {
    const visitor = await makeVisitor(w.h.db, { msisdn: '+380671234567' });
    const chat = await makeSubscriberChat(w.h.db, { visitorId: visitor.id, operatorId: w.world.operator.id, status: 'closed', topic: 'PUK' });
    await w.h.db.insert(chatMessages).values({ chatId: chat.id, seq: 1, kind: 'text', visitorId: visitor.id, body: 'Де мій PUK?', createdAt: w.h.clock.now() });
    const { chatTranscript } = await import('@/server/chat/chat-transcript');
    const { text } = await chatTranscript({ ctx: { ...w.h, actor: w.world.operator }, input: { chatId: chat.id, locale: 'en' } });
    expect(text).toContain('Subscriber: +380671234567 (verified, SMS)');
    expect(text).toContain('Subscriber: Де мій PUK?');
    expect(text).not.toContain('null');
  });
});

describe('chat.visitorHistory', () => {
  it('shows a verified subscriber’s earlier chats of the same number only, with their messages on demand (notes included)', async () => {
    const me = await makeVisitor(w.h.db, { msisdn: '+380671234567' });
    const other = await makeVisitor(w.h.db, { msisdn: '+380501112233' });
    const older = await makeSubscriberChat(w.h.db, { visitorId: me.id, operatorId: w.world.operator2.id, status: 'closed', topic: 'Роумінг', rating: 5, createdAt: at('2026-03-01T10:00:00Z') });
    const othersChat = await makeSubscriberChat(w.h.db, { visitorId: other.id, operatorId: w.world.operator2.id, status: 'closed', topic: 'Чужий', createdAt: at('2026-03-02T10:00:00Z') });
    await w.h.db.insert(chatMessages).values([
      { chatId: older.id, seq: 1, kind: 'text', visitorId: me.id, body: 'Як увімкнути роумінг?', createdAt: at('2026-03-01T10:01:00Z') },
      { chatId: older.id, seq: 2, kind: 'note', authorId: w.world.operator2.id, body: 'Нотатка оператора', createdAt: at('2026-03-01T10:02:00Z') },
    ]);
    const current = await makeSubscriberChat(w.h.db, { visitorId: me.id, operatorId: w.world.operator.id, topic: 'PUK' });

    const history = await w.as(w.world.operator).chat.visitorHistory({ chatId: current.id });
    expect(history.verified).toBe(true);
    expect(history.chats.map((c) => [c.id, c.topic, c.operatorName, c.rating])).toEqual([[older.id, 'Роумінг', w.world.operator2.name, 5]]);

    const messages = await w.as(w.world.operator).chat.visitorHistoryMessages({ chatId: current.id, pastChatId: older.id });
    expect(messages.map((m) => [m.kind, m.body])).toEqual([
      ['text', 'Як увімкнути роумінг?'],
      ['note', 'Нотатка оператора'],
    ]);
    // Another number's chat is not this subscriber's history.
    expect((await trpcFailure(w.as(w.world.operator).chat.visitorHistoryMessages({ chatId: current.id, pastChatId: othersChat.id }))).code).toBe('NOT_FOUND');
    // An admin reads it too.
    expect((await w.as(w.world.admin).chat.visitorHistory({ chatId: current.id })).chats).toHaveLength(1);
  });

  it('is NOT_FOUND for an operator not on the chat, and FORBIDDEN by role for dealers', async () => {
    const me = await makeVisitor(w.h.db, { msisdn: '+380671234567' });
    const current = await makeSubscriberChat(w.h.db, { visitorId: me.id, operatorId: w.world.operator.id });
    expect((await trpcFailure(w.as(w.world.operator2).chat.visitorHistory({ chatId: current.id }))).code).toBe('NOT_FOUND');
    expect((await trpcFailure(w.as(w.world.dealer).chat.visitorHistory({ chatId: current.id }))).code).toBe('FORBIDDEN');
  });

  it('a guest, and a dealer chat, have no history', async () => {
    const guest = await makeVisitor(w.h.db);
    await makeSubscriberChat(w.h.db, { visitorId: guest.id, status: 'closed', operatorId: w.world.operator.id });
    const current = await makeSubscriberChat(w.h.db, { visitorId: guest.id, operatorId: w.world.operator.id });
    expect(await w.as(w.world.operator).chat.visitorHistory({ chatId: current.id })).toEqual({ verified: false, chats: [] });
    await w.online(w.world.operator);
    const { chatId } = await w.as(w.world.dealer).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId });
    expect(await w.as(w.world.operator).chat.visitorHistory({ chatId })).toEqual({ verified: false, chats: [] });
  });
});

describe('points of sale for a subscriber', () => {
  it('finds points by the town’s first letters in either case, and only by its start', async () => {
    const dealer = await makeDealerCompany(w.h.db);
    const kyiv = await makePointOfSale(w.h.db, dealer.id, { name: 'Салон на Хрещатику', town: 'Київ', address: 'вул. Хрещатик, 1' });
    await makePointOfSale(w.h.db, dealer.id, { name: 'Салон у Львові', town: 'Львів', address: 'пл. Ринок, 2' });
    await makePointOfSale(w.h.db, dealer.id, { name: 'Лондонський', town: 'London', address: 'Baker St, 221b' });
    const find = async (town: string) => (await w.as(w.world.operator).chat.pointsOfSale({ town })).map((p) => p.name);
    expect(await find('ки')).toEqual(['Салон на Хрещатику']);
    expect(await find('Ки')).toEqual(['Салон на Хрещатику']);
    expect(await find('КИЇВ')).toEqual(['Салон на Хрещатику']);
    expect(await find('lon')).toEqual(['Лондонський']);
    expect(await find('LON')).toEqual(['Лондонський']);
    expect(await find('їв')).toEqual([]);
    expect(await find('%')).toEqual([]);
    expect((await w.as(w.world.operator).chat.pointsOfSale({ town: 'Київ' }))[0]).toEqual({ id: kyiv.id, name: kyiv.name, town: 'Київ', address: 'вул. Хрещатик, 1' });
    expect((await trpcFailure(w.as(w.world.operator).chat.pointsOfSale({ town: '  ' }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure(w.as(w.world.dealer).chat.pointsOfSale({ town: 'Ки' }))).code).toBe('FORBIDDEN');
  });

  it('sends the point into the chat in the visitor’s language, to the visitor, audited', async () => {
    const dealer = await makeDealerCompany(w.h.db);
    const point = await makePointOfSale(w.h.db, dealer.id, { name: 'Салон на Хрещатику', town: 'Київ', address: 'вул. Хрещатик, 1' });
    const visitor = await makeVisitor(w.h.db, { locale: 'en' });
    const chat = await makeSubscriberChat(w.h.db, { visitorId: visitor.id, operatorId: w.world.operator.id });
    const message = await w.as(w.world.operator).chat.sendPointOfSale({ chatId: chat.id, pointOfSaleId: point.id });
    expect(message).toMatchObject({ kind: 'text', authorId: w.world.operator.id });
    expect(message.body).toBe('The nearest point of sale where you can sign an application:\nСалон на Хрещатику\nКиїв, вул. Хрещатик, 1');
    const events = await w.h.db.select().from(realtimeEvents).where(and(eq(realtimeEvents.chatId, chat.id), eq(realtimeEvents.type, 'chat.message')));
    expect(events.map((e) => e.visitorId)).toEqual([visitor.id]);
    const audit = await w.h.db.select().from(auditEvents).where(eq(auditEvents.action, 'chat.sendPointOfSale'));
    expect(audit.map((a) => a.entityId)).toEqual([chat.id]);
    // Not the operator's chat: not found; an unknown point: not found.
    expect((await trpcFailure(w.as(w.world.operator2).chat.sendPointOfSale({ chatId: chat.id, pointOfSaleId: point.id }))).code).toBe('NOT_FOUND');
    expect((await trpcFailure(w.as(w.world.operator).chat.sendPointOfSale({ chatId: chat.id, pointOfSaleId: crypto.randomUUID() }))).code).toBe('NOT_FOUND');
  });
});

describe('canned replies', () => {
  const reply = { scope: 'subscriber' as const, titleUk: 'Баланс', titleEn: 'Balance', bodyUk: 'Наберіть *111#.', bodyEn: 'Dial *111#.' };

  it('admins create, edit, disable and enable them, audited; operators get the active ones of a scope', async () => {
    const admin = w.as(w.world.admin).admin.cannedReplies;
    const created = await admin.create(reply);
    expect(created).toMatchObject({ ...reply, active: true });
    const dealerReply = await admin.create({ ...reply, scope: 'dealer', titleUk: 'Скан', titleEn: 'Scan' });
    const edited = await admin.update({ id: created.id, ...reply, bodyUk: 'Наберіть *111# і виклик.' });
    expect(edited.bodyUk).toBe('Наберіть *111# і виклик.');
    expect((await admin.list()).map((r) => r.id).sort()).toEqual([created.id, dealerReply.id].sort());

    const operatorSees = async (scope: 'dealer' | 'subscriber') => (await w.as(w.world.operator).chat.cannedReplies({ scope })).map((r) => r.id);
    expect(await operatorSees('subscriber')).toEqual([created.id]);
    expect(await operatorSees('dealer')).toEqual([dealerReply.id]);
    await admin.setActive({ id: created.id, active: false });
    expect(await operatorSees('subscriber')).toEqual([]);
    await admin.setActive({ id: created.id, active: true });
    expect(await operatorSees('subscriber')).toEqual([created.id]);

    const actions = (await w.h.db.select().from(auditEvents).where(eq(auditEvents.entityId, created.id))).map((a) => a.action);
    expect(actions).toEqual(['canned_reply.create', 'canned_reply.update', 'canned_reply.deactivate', 'canned_reply.activate']);
    expect((await trpcFailure(admin.update({ id: crypto.randomUUID(), ...reply }))).code).toBe('NOT_FOUND');
  });

  it('refuses empty texts and a 10 KB body with the limit, and stores nothing', async () => {
    const admin = w.as(w.world.admin).admin.cannedReplies;
    const empty = await trpcFailure(admin.create({ ...reply, titleEn: '   ' }));
    expect(empty.code).toBe('BAD_REQUEST');
    const huge = await trpcFailure(admin.create({ ...reply, bodyEn: 'x'.repeat(10_240) }));
    expect(huge.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(huge.cause ?? huge)).toMatch(/4000/);
    expect((await trpcFailure(admin.create({ ...reply, scope: 'nobody' as 'dealer' }))).code).toBe('BAD_REQUEST');
    expect(await admin.list()).toEqual([]);
  });

  it('dealers and operators cannot manage them; dealers cannot read them', async () => {
    const created = await w.as(w.world.admin).admin.cannedReplies.create(reply);
    for (const actor of [w.world.dealer, w.world.operator, w.world.backoffice]) {
      const them = w.as(actor).admin.cannedReplies;
      expect((await trpcFailure(them.list())).code).toBe('FORBIDDEN');
      expect((await trpcFailure(them.create(reply))).code).toBe('FORBIDDEN');
      expect((await trpcFailure(them.update({ id: created.id, ...reply }))).code).toBe('FORBIDDEN');
      expect((await trpcFailure(them.setActive({ id: created.id, active: false }))).code).toBe('FORBIDDEN');
    }
    expect((await trpcFailure(w.as(w.world.dealer).chat.cannedReplies({ scope: 'dealer' }))).code).toBe('FORBIDDEN');
    expect((await trpcFailure(w.as(null).admin.cannedReplies.list())).code).toBe('UNAUTHORIZED');
  });

  it('are inserted in the chat’s language: the visitor’s own, Ukrainian for a dealer', async () => {
    const created = await w.as(w.world.admin).admin.cannedReplies.create(reply);
    const english = await makeVisitor(w.h.db, { locale: 'en' });
    const chat = await makeSubscriberChat(w.h.db, { visitorId: english.id, operatorId: w.world.operator.id });
    const { language } = await w.as(w.world.operator).chat.get({ chatId: chat.id });
    const [option] = await w.as(w.world.operator).chat.cannedReplies({ scope: 'subscriber' });
    if (!option) throw new Error('no canned reply');
    expect(option.id).toBe(created.id);
    expect(cannedReplyIn(option, language)).toEqual({ title: 'Balance', body: 'Dial *111#.' });
    expect(cannedReplyIn(option, 'uk')).toEqual({ title: 'Баланс', body: 'Наберіть *111#.' });
  });
});

describe('chat.requestVerification', () => {
  it('asks a guest to verify: the event goes to the visitor, a system message to the chat, audited', async () => {
    const guest = await makeVisitor(w.h.db);
    const chat = await makeSubscriberChat(w.h.db, { visitorId: guest.id, operatorId: w.world.operator.id });
    await w.as(w.world.operator).chat.requestVerification({ chatId: chat.id });
    const events = await w.h.db.select().from(realtimeEvents).where(eq(realtimeEvents.type, 'chat.verificationRequested'));
    expect(events.map((e) => [e.chatId, e.visitorId, e.payload])).toEqual([[chat.id, guest.id, { chatId: chat.id }]]);
    const { messages } = await w.as(w.world.operator).chat.get({ chatId: chat.id });
    expect(messages.map((m) => [m.kind, JSON.parse(m.body) as unknown])).toEqual([['system', { key: 'verificationRequested', params: { name: w.world.operator.name } }]]);
    expect((await w.h.db.select().from(auditEvents).where(eq(auditEvents.action, 'chat.requestVerification'))).map((a) => a.entityId)).toEqual([chat.id]);
  });

  it('is refused on a dealer chat and for a verified subscriber, and NOT_FOUND for another operator', async () => {
    await w.online(w.world.operator);
    const { chatId } = await w.as(w.world.dealer).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId });
    const onDealer = await trpcFailure(w.as(w.world.operator).chat.requestVerification({ chatId }));
    expect(onDealer.cause).toMatchObject({ kind: 'invalid', messageKey: 'errors.notASubscriberChat' });

    const verified = await makeVisitor(w.h.db, { msisdn: '+380671234567' });
    const chat = await makeSubscriberChat(w.h.db, { visitorId: verified.id, operatorId: w.world.operator.id });
    const onVerified = await trpcFailure(w.as(w.world.operator).chat.requestVerification({ chatId: chat.id }));
    expect(onVerified.cause).toMatchObject({ kind: 'invalid', messageKey: 'errors.visitorAlreadyVerified' });

    const guest = await makeVisitor(w.h.db);
    const guestChat = await makeSubscriberChat(w.h.db, { visitorId: guest.id, operatorId: w.world.operator.id });
    expect((await trpcFailure(w.as(w.world.operator2).chat.requestVerification({ chatId: guestChat.id }))).code).toBe('NOT_FOUND');
    expect(await w.h.db.select().from(realtimeEvents).where(eq(realtimeEvents.type, 'chat.verificationRequested'))).toEqual([]);
  });
});
