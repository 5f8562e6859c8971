import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BusEvent } from '@/server/realtime/event-bus';
import { chatWorld, type ChatWorld } from '../helpers/chat-world';

let w: ChatWorld;
let events: BusEvent[];
beforeEach(async () => {
  w = await chatWorld();
  events = [];
  w.h.bus.subscribe((event) => events.push(event));
});
afterEach(() => w.h.cleanup());

const lastPlace = (chatId: string) => events.filter((e) => e.type === 'queue.position' && e.chatId === chatId).at(-1)?.payload;

/** One chat accepted and closed after `seconds`: the recent handle time becomes that. */
async function handled(seconds: number) {
  const { chatId } = await w.as(w.world.dealer2).chat.start({ topic: 'Раніше' });
  await w.as(w.world.operator).operator.accept({ chatId });
  w.h.clock.advance(seconds * 1000);
  await w.as(w.world.operator).operator.heartbeat();
  await w.as(w.world.operator).chat.close({ chatId });
}

describe('the expected wait a dealer sees', () => {
  it('says an operator answers now while one has a free place, instead of position × handle time', async () => {
    await w.online(w.world.operator);
    const { chatId } = await w.as(w.world.dealer).chat.start({ topic: 'Заміна SIM' });
    expect((await w.chat(chatId)).offeredTo).toBe(w.world.operator.id);
    const [mine] = await w.as(w.world.dealer).chat.list();
    expect(mine?.queue).toMatchObject({ position: 1, outlook: 'now', etaSeconds: 0 });
    expect(lastPlace(chatId)).toMatchObject({ position: 1, outlook: 'now', etaSeconds: 0 });
  });

  it('gives no figure when nobody takes chats', async () => {
    const { chatId } = await w.as(w.world.dealer).chat.start({});
    const [mine] = await w.as(w.world.dealer).chat.list();
    expect(mine?.queue).toMatchObject({ position: 1, outlook: 'noOperators', etaSeconds: null });
    expect(lastPlace(chatId)).toMatchObject({ outlook: 'noOperators', etaSeconds: null });
  });

  it('while every place is taken: (chats ahead + 1) × recent handle time / serving places, with the figures behind it', async () => {
    await w.online(w.world.operator, 1);
    await handled(120);
    const busy = await w.as(w.world.dealer).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId: busy.chatId });
    const first = await w.as(w.world.dealer).chat.start({});
    w.h.clock.advance(1);
    const second = await w.as(w.world.dealer).chat.start({});
    const list = await w.as(w.world.dealer).chat.list();
    expect(list.find((c) => c.id === first.chatId)?.queue).toEqual({ position: 1, outlook: 'estimate', etaSeconds: 120, ahead: 0, handleSeconds: 120, servingPlaces: 1 });
    expect(list.find((c) => c.id === second.chatId)?.queue).toEqual({ position: 2, outlook: 'estimate', etaSeconds: 240, ahead: 1, handleSeconds: 120, servingPlaces: 1 });
    expect(lastPlace(second.chatId)).toMatchObject({ outlook: 'estimate', etaSeconds: 240, ahead: 1 });
  });

  it('a chat ahead that is being offered already has its operator: it does not count as ahead', async () => {
    await w.online(w.world.operator, 1);
    await handled(100);
    const busy = await w.as(w.world.dealer).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId: busy.chatId });
    await w.online(w.world.operator2, 1);
    const offered = await w.as(w.world.dealer).chat.start({});
    expect((await w.chat(offered.chatId)).offeredTo).toBe(w.world.operator2.id);
    w.h.clock.advance(1);
    const next = await w.as(w.world.dealer2).chat.start({});
    const [theirs] = await w.as(w.world.dealer2).chat.list({ status: 'queued' });
    expect(theirs?.id).toBe(next.chatId);
    // Two places serve (both operators available), each frees every 100 s: 1 × 100 / 2.
    expect(theirs?.queue).toEqual({ position: 2, outlook: 'estimate', etaSeconds: 50, ahead: 0, handleSeconds: 100, servingPlaces: 2 });
    const offeredPlace = (await w.as(w.world.dealer).chat.list({ status: 'queued' }))[0]?.queue;
    expect(offeredPlace).toMatchObject({ position: 1, outlook: 'now', etaSeconds: 0 });
  });
});

describe("the operator's chat tabs", () => {
  it('name the dealer, the topic, since when the dealer waits for a reply, and the unread count', async () => {
    await w.online(w.world.operator);
    const started = w.h.clock.now();
    const { chatId } = await w.as(w.world.dealer).chat.start({ topic: 'Тариф для пенсіонера' });
    w.h.clock.advance(5_000);
    await w.as(w.world.operator).operator.accept({ chatId });
    const tab = async () => (await w.as(w.world.operator).operator.console()).chats.find((c) => c.id === chatId);

    // Nobody has answered yet: the dealer has waited since the chat began.
    expect(await tab()).toMatchObject({ dealerUserName: w.world.dealer.name, topic: 'Тариф для пенсіонера', awaitingReplySince: started, unread: 0 });
    expect((await tab())?.dealerName).toBeTruthy();

    w.h.clock.advance(5_000);
    await w.as(w.world.operator).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Вітаю!' });
    expect(await tab()).toMatchObject({ awaitingReplySince: null, unread: 0 });

    w.h.clock.advance(10_000);
    const asked = w.h.clock.now();
    await w.as(w.world.dealer).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Який тариф дешевший?' });
    w.h.clock.advance(10_000);
    await w.as(w.world.dealer).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Абонент чекає.' });
    expect(await tab()).toMatchObject({ awaitingReplySince: asked, unread: 2 });

    w.h.clock.advance(3_000);
    await w.as(w.world.operator).chat.send({ chatId, clientId: crypto.randomUUID(), text: 'Ось порівняння.' });
    expect(await tab()).toMatchObject({ awaitingReplySince: null });
  });
});

describe('an operator the server sets away', () => {
  it('loses the other chats still offered to them at once: they go to a colleague instead of waiting out their time-out', async () => {
    await w.online(w.world.operator);
    const first = await w.as(w.world.dealer).chat.start({});
    w.h.clock.advance(10_000);
    await w.h.scheduler.runDue(); // first missed once, offered again until +20 s
    w.h.clock.advance(5_000);
    const second = await w.as(w.world.dealer).chat.start({}); // offered until +25 s
    w.h.clock.advance(5_000);
    await w.h.scheduler.runDue(); // first missed twice, offered again until +30 s
    expect((await w.chat(first.chatId)).offeredTo).toBe(w.world.operator.id);
    expect((await w.chat(second.chatId)).offeredTo).toBe(w.world.operator.id);
    await w.online(w.world.operator2);

    w.h.clock.advance(5_000);
    await w.h.scheduler.runDue(); // second missed: the third miss in a row
    expect(await w.presence(w.world.operator)).toMatchObject({ status: 'away', missedOffers: 3 });
    // Nothing stays offered to the absent operator: both chats are with the colleague now.
    expect((await w.chat(second.chatId)).offeredTo).toBe(w.world.operator2.id);
    expect((await w.chat(first.chatId)).offeredTo).toBe(w.world.operator2.id);
    const withdrawn = events.filter((e) => e.type === 'chat.offerWithdrawn' && e.audience.some((r) => r.kind === 'operator' && r.userId === w.world.operator.id) && e.payload.reason === 'away');
    expect(withdrawn.map((e) => e.chatId)).toEqual([first.chatId]);
  });
});
