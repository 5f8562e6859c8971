import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chatWorld, type ChatWorld } from '../helpers/chat-world';
import { makeSubscriberChat, makeVisitor } from '../helpers/factories';

let w: ChatWorld;
beforeEach(async () => {
  w = await chatWorld();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await w.h.cleanup();
});

describe('the live view of both classes', () => {
  it('shows subscriber chats beside dealer chats, in deadline order, their wait against their class target, and counts per class', async () => {
    vi.stubEnv('CHAT_TARGET_DEALER_SECONDS', '10');
    vi.stubEnv('CHAT_TARGET_SUBSCRIBER_SECONDS', '60');
    await w.as(w.world.admin).admin.operators.setServes({ operatorId: w.world.operator.id, serves: 'subscriber' });
    await w.online(w.world.operator, 2);
    const visitor = await makeVisitor(w.h.db, { msisdn: '+380501112233' }, w.h.clock);
    await makeSubscriberChat(w.h.db, { visitorId: visitor.id, topic: 'Роумінг' }, w.h.clock);
    w.h.clock.advance(1);
    await makeSubscriberChat(w.h.db, { topic: 'Гість' }, w.h.clock);
    w.h.clock.advance(29_999);
    await w.as(w.world.dealer).chat.start({ topic: 'Дилер' });
    w.h.clock.advance(15_000);
    await w.as(w.world.operator).operator.heartbeat();

    const live = await w.as(w.world.admin).metrics.live();
    expect(live.waiting.map((c) => [c.class, c.topic, c.waitSeconds, c.targetSeconds, c.overTarget])).toEqual([
      ['dealer', 'Дилер', 15, 10, true],
      ['subscriber', 'Роумінг', 45, 60, false],
      ['subscriber', 'Гість', 45, 60, false],
    ]);
    expect(live.waiting.map((c) => [c.dealerName, c.visitor])).toEqual([
      ['ТОВ «Перший дилер»', null],
      [null, '+380501112233'],
      [null, null],
    ]);
    expect(live.summary).toMatchObject({ waiting: 3, longestWaitSeconds: 45, overTarget: 1 });
    expect(live.byClass).toEqual([
      { class: 'dealer', targetSeconds: 10, waiting: 1, longestWaitSeconds: 15, overTarget: 1, available: 0, freeSlots: 0 },
      { class: 'subscriber', targetSeconds: 60, waiting: 2, longestWaitSeconds: 45, overTarget: 0, available: 1, freeSlots: 2 },
    ]);
    expect(live.operators.find((o) => o.id === w.world.operator.id)?.serves).toBe('subscriber');
  });
});
