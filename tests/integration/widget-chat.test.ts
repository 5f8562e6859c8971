import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { first } from '@/db/client';
import { auditEvents, chats, notifications, realtimeEvents } from '@/db/schema';
import { uploadVisitorAttachment } from '@/server/widget/upload-visitor-attachment';
import { readVisitorAttachment } from '@/server/widget/read-visitor-attachment';
import { loadWidgetSession } from '@/server/widget/visitor-session';
import { trpcFailure } from '../helpers/test-db';
import { widgetWorld, type WidgetWorld } from '../helpers/widget-world';

let w: WidgetWorld;
const streams: AbortController[] = [];
beforeEach(async () => {
  w = await widgetWorld();
});
afterEach(async () => {
  for (const controller of streams.splice(0)) controller.abort();
  delete process.env.BUSINESS_HOURS;
  await w.h.cleanup();
});

type Guest = Awaited<ReturnType<WidgetWorld['guest']>>;
const id = () => crypto.randomUUID();

/** The visitor's feed read in the background: every event's type and payload as it arrives, and how it ended. */
async function openFeed(g: Guest) {
  const controller = new AbortController();
  streams.push(controller);
  const stream = await (await w.widget(g.token, { signal: controller.signal })).feed({});
  const events: { type: string; payload: Record<string, unknown> }[] = [];
  const ended = (async () => {
    try {
      for await (const item of stream) events.push(eventOf(item));
      return 'returned';
    } catch (error) {
      return error;
    }
  })();
  return { events, ended };
}

/** A tracked item as the caller yields it: [id, event]. */
const eventOf = (item: unknown) => (Array.isArray(item) ? item[1] : item) as { type: string; payload: Record<string, unknown> };

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** A guest's chat that the operator has accepted. */
async function activeChat(g?: Guest) {
  const guest = g ?? (await w.guest());
  await w.online(w.world.operator);
  const { chatId } = await (await guest.api()).chat.start({ topic: 'Роумінг' });
  await w.as(w.world.operator).operator.accept({ chatId });
  return { guest, chatId };
}

describe('a guest chats', () => {
  it('starts, writes, and receives the operator’s words, status and typing on the feed; the operator sees a subscriber’s chat', async () => {
    const g = await w.guest();
    const feed = await openFeed(g);
    await w.online(w.world.operator);
    const started = await (await g.api()).chat.start({ topic: 'Роумінг' });
    expect(started.created).toBe(true);
    // One open chat per visitor.
    expect(await (await g.api()).chat.start({})).toEqual({ chatId: started.chatId, created: false });
    const { chatId } = started;
    const row = await w.chat(chatId);
    expect(row).toMatchObject({ class: 'subscriber', visitorId: g.visitorId, dealerId: null, offeredTo: w.world.operator.id });

    const mine = await (await g.api()).chat.send({ chatId, clientId: id(), body: 'Чи працює роумінг у Польщі?' });
    expect(mine).toMatchObject({ authorRole: 'subscriber', authorName: 'Гість', authorId: null });
    await w.as(w.world.operator).operator.accept({ chatId });
    await w.as(w.world.operator).chat.send({ chatId, clientId: id(), text: 'Так, працює.' });
    await w.as(w.world.operator).chat.typing({ chatId });
    await w.as(w.world.operator).chat.markRead({ chatId, seq: 1 });

    const detail = await w.as(w.world.operator).chat.get({ chatId });
    expect(detail).toMatchObject({ class: 'subscriber', dealerName: 'Гість', visitor: { msisdn: null }, canWrite: true });
    expect(detail.messages.find((m) => m.body.startsWith('Чи працює'))).toMatchObject({ authorRole: 'subscriber', authorName: 'Гість' });

    await settle();
    const types = feed.events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['chat.message', 'chat.status', 'chat.typing', 'chat.read', 'queue.position']));
    const bodies = feed.events.filter((e) => e.type === 'chat.message').map((e) => (e.payload.message as { body: string }).body);
    expect(bodies).toContain('Так, працює.');

    const current = await (await g.api()).chat.current({});
    expect(current).toMatchObject({ id: chatId, status: 'active', operatorName: w.world.operator.name, operatorReadSeq: 1, unread: 1, canWrite: true });
    expect((await (await g.api()).chat.current({ sinceSeq: current?.lastSeq ?? 0 }))?.messages).toEqual([]);
    expect(await first(w.h.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'chat.start'), eq(auditEvents.entityId, chatId))))).toMatchObject({ actorId: g.visitorId, actorRole: 'guest' });
  });

  it('the feed resumes from the last id, and ends when the session ends', async () => {
    const { guest, chatId } = await activeChat();
    const feed = await openFeed(guest);
    await w.as(w.world.operator).chat.send({ chatId, clientId: id(), text: 'перше' });
    await settle();
    const stored = await w.h.db.select({ id: realtimeEvents.id }).from(realtimeEvents).where(eq(realtimeEvents.visitorId, guest.visitorId));
    expect(stored.length).toBeGreaterThan(0);
    const afterFirst = Math.max(...stored.map((e) => e.id));
    await w.as(w.world.operator).chat.send({ chatId, clientId: id(), text: 'друге' });

    const resumed = await (await w.widget(guest.token)).feed({ lastEventId: String(afterFirst) });
    const controller = new AbortController();
    streams.push(controller);
    const iterator = resumed[Symbol.asyncIterator]();
    const next = eventOf((await iterator.next()).value);
    expect((next.payload.message as { body: string }).body).toBe('друге');
    await iterator.return?.();

    await (await guest.api()).session.end();
    const ended = await Promise.race([feed.ended, new Promise((resolve) => setTimeout(() => resolve('still open'), 5000))]);
    expect(ended).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('writes idempotently on its clientId (messages typed offline are sent again on reconnect)', async () => {
    const { guest, chatId } = await activeChat();
    const clientId = id();
    const one = await (await guest.api()).chat.send({ chatId, clientId, body: 'офлайн' });
    const again = await (await guest.api()).chat.send({ chatId, clientId, body: 'офлайн' });
    expect(again.id).toBe(one.id);
    expect((await (await guest.api()).chat.current({}))?.messages.filter((m) => m.body === 'офлайн')).toHaveLength(1);
  });

  it('marks read, counts unread, leaves; the operator’s place goes free', async () => {
    const { guest, chatId } = await activeChat();
    await w.as(w.world.operator).chat.send({ chatId, clientId: id(), text: 'Вітаю' });
    const before = await (await guest.api()).chat.current({});
    expect(before?.unread).toBe(1);
    await (await guest.api()).chat.markRead({ chatId, seq: before?.lastSeq ?? 0 });
    expect((await w.chat(chatId)).visitorReadSeq).toBe(before?.lastSeq);
    expect((await w.as(w.world.operator).chat.get({ chatId })).readByOther).toBe(before?.lastSeq);
    expect((await (await guest.api()).chat.current({}))?.unread).toBe(0);
    await (await guest.api()).chat.leave({ chatId });
    expect(await w.chat(chatId)).toMatchObject({ status: 'closed', closedBy: guest.visitorId });
    // Leaving again does nothing.
    await (await guest.api()).chat.leave({ chatId });
    const after = await (await guest.api()).chat.current({});
    expect(after).toMatchObject({ id: chatId, status: 'closed', canRate: true, canWrite: false });
  });

  it('a waiting chat left is abandoned', async () => {
    const g = await w.guest();
    const { chatId } = await (await g.api()).chat.start({});
    await (await g.api()).chat.leave({ chatId });
    expect((await w.chat(chatId)).status).toBe('abandoned');
  });

  it('rates once after the close, 1 to 5', async () => {
    const { guest, chatId } = await activeChat();
    expect((await trpcFailure((await guest.api()).chat.rate({ chatId, rating: 5 }))).cause).toMatchObject({ messageKey: 'errors.wrongState' });
    await w.as(w.world.operator).chat.close({ chatId });
    expect((await trpcFailure((await guest.api()).chat.rate({ chatId, rating: 6 }))).code).toBe('BAD_REQUEST');
    expect((await trpcFailure((await guest.api()).chat.rate({ chatId, rating: 0 }))).code).toBe('BAD_REQUEST');
    await (await guest.api()).chat.rate({ chatId, rating: 4, comment: 'Дякую' });
    expect(await w.chat(chatId)).toMatchObject({ rating: 4, ratingComment: 'Дякую' });
    expect((await trpcFailure((await guest.api()).chat.rate({ chatId, rating: 5 }))).cause).toMatchObject({ messageKey: 'errors.alreadyRated' });
  });

  it('is refused outside business hours, and the status says when it opens', async () => {
    // The test clock is 12:00 in Kyiv on a Wednesday.
    process.env.BUSINESS_HOURS = 'mon-sun 14:00-18:00';
    const g = await w.guest();
    const refused = await trpcFailure((await g.api()).chat.start({}));
    expect(refused.cause).toMatchObject({ messageKey: 'errors.widgetClosed' });
    const status = await (await w.widget(null)).status();
    expect(status).toMatchObject({ open: false, closesAt: null, outlook: 'noOperators', expectedWaitSeconds: null });
    expect(status.nextOpening?.toISOString()).toBe('2026-11-25T12:00:00.000Z');
    delete process.env.BUSINESS_HOURS;
    await w.online(w.world.operator);
    expect(await (await w.widget(null)).status()).toMatchObject({ open: true, outlook: 'now', expectedWaitSeconds: 0 });
  });
});

describe('what a visitor never sees', () => {
  it('operators’ notes: not in answers, not on the feed, not in the transcript', async () => {
    const { guest, chatId } = await activeChat();
    const feed = await openFeed(guest);
    await w.online(w.world.operator2);
    await w.as(w.world.operator).operator.transfer({ chatId, toOperatorId: w.world.operator2.id, note: 'СЕКРЕТНА НОТАТКА' });
    await settle();
    const noteRows = await w.h.db.select().from(realtimeEvents).where(eq(realtimeEvents.type, 'chat.message'));
    expect(noteRows.some((r) => JSON.stringify(r.payload).includes('СЕКРЕТНА НОТАТКА'))).toBe(true);
    expect(JSON.stringify(feed.events)).not.toContain('СЕКРЕТНА НОТАТКА');
    expect(JSON.stringify(await (await guest.api()).chat.current({}))).not.toContain('СЕКРЕТНА НОТАТКА');
    const resumed = await (await w.widget(guest.token)).feed({ lastEventId: '0' });
    const seen: unknown[] = [];
    for await (const item of resumed) {
      seen.push(item);
      if (seen.length >= 50 || JSON.stringify(item).includes('transferred')) break;
    }
    expect(JSON.stringify(seen)).not.toContain('СЕКРЕТНА НОТАТКА');
    await (await guest.api()).chat.transcript({ chatId, email: 'me@example.com' });
    const mail = await first(w.h.db.select().from(notifications).where(eq(notifications.kind, 'widget.transcript')));
    expect(mail?.recipient).toBe('me@example.com');
    expect(mail?.body).not.toContain('СЕКРЕТНА НОТАТКА');
  });

  it('the transcript by e-mail is limited per day', async () => {
    const { guest, chatId } = await activeChat();
    for (let i = 0; i < 3; i += 1) await (await guest.api()).chat.transcript({ chatId, email: `me${i}@example.com` });
    expect((await trpcFailure((await guest.api()).chat.transcript({ chatId, email: 'me9@example.com' }))).code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('who reaches what', () => {
  it('a visitor reaches only their own chats: another’s chatId is NOT_FOUND everywhere', async () => {
    const { chatId } = await activeChat();
    const other = await w.guest('10.9.9.9');
    const api = await other.api();
    const calls: (() => Promise<unknown>)[] = [
      () => api.chat.send({ chatId, clientId: id(), body: 'чужий' }),
      () => api.chat.typing({ chatId }),
      () => api.chat.markRead({ chatId, seq: 1 }),
      () => api.chat.rate({ chatId, rating: 5 }),
      () => api.chat.transcript({ chatId, email: 'x@example.com' }),
      () => api.chat.leave({ chatId }),
    ];
    for (const call of calls) expect((await trpcFailure(call())).code).toBe('NOT_FOUND');
    const session = await loadWidgetSession(w.h.db, other.token, w.h.clock.now());
    if (!session) throw new Error('no session');
    const ctx = { db: w.h.db, actor: null, widgetSession: session, clock: w.h.clock, bus: w.h.bus, scheduler: w.h.scheduler, storage: w.h.storage, ip: '10.9.9.9', origin: null };
    await expect(uploadVisitorAttachment({ ctx, input: { chatId, clientId: id(), fileName: 'a.png', bytes: new Uint8Array([1, 2, 3]) } })).rejects.toMatchObject({ kind: 'not_found' });
    expect(await api.chat.current({})).toBeNull();
    expect((await w.chat(chatId)).status).toBe('active');
  });

  it('a guest reaches only the chat they started, and photos of their own chat', async () => {
    const { guest, chatId } = await activeChat();
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da636460f85f0f0002870180eb47ba920000000049454e44ae426082', 'hex');
    const session = await loadWidgetSession(w.h.db, guest.token, w.h.clock.now());
    if (!session) throw new Error('no session');
    const ctx = { db: w.h.db, actor: null, widgetSession: session, clock: w.h.clock, bus: w.h.bus, scheduler: w.h.scheduler, storage: w.h.storage, ip: '10.0.0.1', origin: null };
    const message = await uploadVisitorAttachment({ ctx, input: { chatId, clientId: id(), fileName: 'фото.png', bytes: new Uint8Array(png) } });
    expect(message).toMatchObject({ kind: 'attachment', authorRole: 'subscriber', attachment: { mime: 'image/png' } });
    const attachmentId = message.attachment?.id ?? '';
    expect((await readVisitorAttachment({ ctx, input: { attachmentId } })).mime).toBe('image/png');
    await expect(uploadVisitorAttachment({ ctx, input: { chatId, clientId: id(), fileName: 'x.exe', bytes: new Uint8Array([77, 90, 0, 0]) } })).rejects.toMatchObject({ kind: 'invalid' });
    const stranger = await w.guest('10.8.8.8');
    const strangerSession = await loadWidgetSession(w.h.db, stranger.token, w.h.clock.now());
    if (!strangerSession) throw new Error('no session');
    await expect(readVisitorAttachment({ ctx: { ...ctx, widgetSession: strangerSession }, input: { attachmentId } })).rejects.toMatchObject({ kind: 'not_found' });
    // A dealer's chat is nobody's in the widget.
    const dealerChat = await w.as(w.world.dealer).chat.start({});
    expect((await trpcFailure((await guest.api()).chat.send({ chatId: dealerChat.chatId, clientId: id(), body: 'x' }))).code).toBe('NOT_FOUND');
    // …and a dealer never sees a subscriber's chat.
    expect((await trpcFailure(w.as(w.world.dealer).chat.get({ chatId }))).code).toBe('NOT_FOUND');
    expect((await w.as(w.world.dealer).chat.list()).map((c) => c.id)).not.toContain(chatId);
  });

  it('the operator is told when the visitor proves their number, and the chat says so', async () => {
    const { guest, chatId } = await activeChat();
    await (await guest.api()).code.request({ channel: 'sms', msisdn: '0501234567' });
    await (await guest.api()).code.verify({ code: await w.codeSentTo('+380501234567') });
    const told = await first(w.h.db.select().from(realtimeEvents).where(and(eq(realtimeEvents.type, 'chat.visitorVerified'), eq(realtimeEvents.operatorId, w.world.operator.id))));
    expect(told?.payload).toMatchObject({ chatId, msisdn: '+380501234567', verifiedBy: 'sms' });
    const detail = await w.as(w.world.operator).chat.get({ chatId });
    expect(detail).toMatchObject({ dealerName: 'Абонент +380501234567', visitor: { msisdn: '+380501234567', verifiedBy: 'sms' } });
    expect(detail.messages.at(-1)?.body).toContain('visitorVerified');
  });
});

describe('bad inputs', () => {
  it('an empty body, a 100 KB body, a clientId that is not a UUID, a chatId that is not one', async () => {
    const { guest, chatId } = await activeChat();
    const api = await guest.api();
    for (const call of [
      () => api.chat.send({ chatId, clientId: id(), body: '' }),
      () => api.chat.send({ chatId, clientId: id(), body: '   ' }),
      () => api.chat.send({ chatId, clientId: id(), body: 'я'.repeat(100_000) }),
      () => api.chat.send({ chatId, clientId: 'not-a-uuid', body: 'x' }),
      () => api.chat.send({ chatId: 'nope', clientId: id(), body: 'x' }),
      () => api.chat.markRead({ chatId, seq: -1 }),
      () => api.chat.transcript({ chatId, email: 'no' }),
    ]) {
      expect((await trpcFailure(call())).code).toBe('BAD_REQUEST');
    }
    expect(await w.h.db.select().from(chats).where(eq(chats.id, chatId))).toHaveLength(1);
  });
});
