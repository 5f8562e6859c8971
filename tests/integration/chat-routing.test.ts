import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chatWorld, type ChatWorld } from '../helpers/chat-world';

let w: ChatWorld;
beforeEach(async () => {
  w = await chatWorld();
});
afterEach(() => w.h.cleanup());

const TEN_SECONDS = 10_000;

describe('routing', () => {
  it('offers a new chat at once to the available operator with the fewest chats', async () => {
    await w.online(w.world.operator);
    await w.online(w.world.operator2);
    const first = await w.as(w.world.dealer).chat.start({ topic: 'Заміна SIM' });
    const firstTo = (await w.chat(first.chatId)).offeredTo;
    expect([w.world.operator.id, w.world.operator2.id]).toContain(firstTo);
    const busy = firstTo === w.world.operator.id ? w.world.operator : w.world.operator2;
    const free = busy === w.world.operator ? w.world.operator2 : w.world.operator;
    await w.as(busy).operator.accept({ chatId: first.chatId });

    const second = await w.as(w.world.dealer2).chat.start({});
    expect((await w.chat(second.chatId)).offeredTo).toBe(free.id);
  });

  it('breaks ties by the longest idle operator', async () => {
    await w.online(w.world.operator);
    w.h.clock.advance(1000);
    await w.online(w.world.operator2);
    const { chatId } = await w.as(w.world.dealer).chat.start({});
    expect((await w.chat(chatId)).offeredTo).toBe(w.world.operator.id);
  });

  it('does not offer chats to an operator at capacity, nor to one who is away or offline', async () => {
    await w.online(w.world.operator, 1);
    const a = await w.as(w.world.dealer).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId: a.chatId });
    await w.as(w.world.operator2).operator.setStatus({ status: 'away' });
    const b = await w.as(w.world.dealer).chat.start({});
    expect(await w.chat(b.chatId)).toMatchObject({ status: 'queued', offeredTo: null });
    const list = await w.as(w.world.dealer).chat.list();
    expect(list.find((c) => c.id === b.chatId)?.queue).toMatchObject({ position: 1 });
  });

  it('moves an unanswered offer to the next operator after its time-out, and sets an operator away after three misses', async () => {
    await w.online(w.world.operator);
    w.h.clock.advance(1000);
    await w.online(w.world.operator2);
    const { chatId } = await w.as(w.world.dealer).chat.start({});
    expect((await w.chat(chatId)).offeredTo).toBe(w.world.operator.id);

    w.h.clock.advance(TEN_SECONDS - 1);
    expect(await w.h.scheduler.runDue()).toBe(0);
    w.h.clock.advance(1);
    expect(await w.h.scheduler.runDue()).toBe(1);
    expect((await w.chat(chatId)).offeredTo).toBe(w.world.operator2.id);
    expect((await w.presence(w.world.operator))?.missedOffers).toBe(1);

    // operator2 misses too: everyone available has missed it, so it goes round again rather than
    // waiting for good — to the operator who has waited longest since their last offer.
    w.h.clock.advance(TEN_SECONDS);
    await w.h.scheduler.runDue();
    expect((await w.chat(chatId)).offeredTo).toBe(w.world.operator.id);

    // operator2 steps away; operator misses it twice more → away after three misses, and the chat waits.
    await w.as(w.world.operator2).operator.setStatus({ status: 'away' });
    w.h.clock.advance(TEN_SECONDS);
    await w.h.scheduler.runDue();
    expect((await w.chat(chatId)).offeredTo).toBe(w.world.operator.id);
    w.h.clock.advance(TEN_SECONDS);
    await w.h.scheduler.runDue();
    expect(await w.chat(chatId)).toMatchObject({ status: 'queued', offeredTo: null });
    expect(await w.presence(w.world.operator)).toMatchObject({ status: 'away', missedOffers: 3 });
  });

  it('closing a chat immediately offers the next waiting one', async () => {
    await w.online(w.world.operator, 1);
    const a = await w.as(w.world.dealer).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId: a.chatId });
    const b = await w.as(w.world.dealer2).chat.start({});
    expect((await w.chat(b.chatId)).offeredTo).toBeNull();
    await w.as(w.world.operator).chat.close({ chatId: a.chatId });
    expect((await w.chat(b.chatId)).offeredTo).toBe(w.world.operator.id);
  });

  it('raising capacity drains the queue at once, oldest first', async () => {
    await w.online(w.world.operator, 1);
    const a = await w.as(w.world.dealer).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId: a.chatId });
    const b = await w.as(w.world.dealer).chat.start({});
    w.h.clock.advance(5);
    const c = await w.as(w.world.dealer2).chat.start({});
    await w.as(w.world.admin).admin.operators.setCapacity({ userId: w.world.operator.id, capacity: 2 });
    expect((await w.chat(b.chatId)).offeredTo).toBe(w.world.operator.id);
    expect((await w.chat(c.chatId)).offeredTo).toBeNull();
  });

  it('an operator whose heartbeat stopped is not offered chats', async () => {
    await w.online(w.world.operator);
    w.h.clock.advance(60_000);
    const { chatId } = await w.as(w.world.dealer).chat.start({});
    expect((await w.chat(chatId)).offeredTo).toBeNull();
    await w.as(w.world.operator).operator.heartbeat();
    await w.as(w.world.operator).operator.setStatus({ status: 'available' });
    expect((await w.chat(chatId)).offeredTo).toBe(w.world.operator.id);
  });

  it('an operator can take any waiting chat while under capacity, and the other offer is withdrawn', async () => {
    await w.online(w.world.operator);
    const { chatId } = await w.as(w.world.dealer).chat.start({});
    expect((await w.chat(chatId)).offeredTo).toBe(w.world.operator.id);
    await w.online(w.world.operator2);
    await w.as(w.world.operator2).operator.accept({ chatId });
    expect(await w.chat(chatId)).toMatchObject({ status: 'active', operatorId: w.world.operator2.id, offeredTo: null });
    await expect(w.as(w.world.operator).operator.accept({ chatId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('expected wait follows position × recent handle time / serving slots', async () => {
    await w.online(w.world.operator, 1);
    const a = await w.as(w.world.dealer).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId: a.chatId });
    w.h.clock.advance(120_000);
    await w.as(w.world.operator).operator.heartbeat();
    await w.as(w.world.operator).chat.close({ chatId: a.chatId }); // handle time 120 s; capacity 1
    const b = await w.as(w.world.dealer).chat.start({});
    await w.as(w.world.operator).operator.accept({ chatId: b.chatId });
    const c = await w.as(w.world.dealer).chat.start({});
    w.h.clock.advance(1);
    const d = await w.as(w.world.dealer2).chat.start({});
    const own = await w.as(w.world.dealer).chat.list();
    expect(own.find((x) => x.id === c.chatId)?.queue).toMatchObject({ position: 1, outlook: 'estimate', etaSeconds: 120 });
    const other = await w.as(w.world.dealer2).chat.list();
    expect(other.find((x) => x.id === d.chatId)?.queue).toMatchObject({ position: 2, outlook: 'estimate', etaSeconds: 240 });
  });
});
