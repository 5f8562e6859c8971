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

describe('figures per class and combined', () => {
  it('counts each class against its own target, both together each against its class target, and dealer companies from dealer chats only', async () => {
    vi.stubEnv('CHAT_TARGET_DEALER_SECONDS', '10');
    vi.stubEnv('CHAT_TARGET_SUBSCRIBER_SECONDS', '60');
    const day = w.h.clock.now().toISOString().slice(0, 10);
    await w.online(w.world.operator, 3);
    await w.as(w.world.operator).operator.setStatus({ status: 'away' });
    const sub = await makeSubscriberChat(w.h.db, {}, w.h.clock);
    const dealer = await w.as(w.world.dealer).chat.start({});
    w.h.clock.advance(12_000);
    await w.as(w.world.operator).operator.heartbeat();
    await w.as(w.world.operator).operator.accept({ chatId: dealer.chatId }); // 12 s: over the dealer's 10 s
    w.h.clock.advance(18_000);
    await w.as(w.world.operator).operator.accept({ chatId: sub.id }); // 30 s: within the subscriber's 60 s

    const overview = await w.as(w.world.admin).metrics.overview({ from: day, to: day });
    const byClass = Object.fromEntries(overview.byClass.map((k) => [k.class, [k.targetSeconds, k.figures.arrived, k.figures.answered, k.figures.serviceLevel]]));
    expect(byClass).toEqual({ dealer: [10, 1, 1, 0], subscriber: [60, 1, 1, 1], all: [null, 2, 2, 0.5] });
    expect(overview.chats).toMatchObject({ arrived: 2, serviceLevel: 0.5 }); // the period's threshold, 20 s by default
    expect(overview.byDealer.map((d) => [d.name, d.arrived])).toEqual([['ТОВ «Перший дилер»', 1]]);
    expect(overview.byDayAndClass.filter((d) => d.arrived > 0).map((d) => [d.class, d.serviceLevel])).toEqual([
      ['dealer', 0],
      ['subscriber', 1],
    ]);
    expect(overview.staffing.byClass.map((c) => [c.class, c.targetSeconds])).toEqual([
      ['dealer', 10],
      ['subscriber', 60],
    ]);

    const staffing = await w.as(w.world.admin).metrics.staffingByClass({
      classes: [
        { class: 'dealer', arrivalsPerHour: 30, ahtSeconds: 300, thresholdSeconds: 10 },
        { class: 'subscriber', arrivalsPerHour: 90, ahtSeconds: 200, thresholdSeconds: 60 },
      ],
      concurrency: 2,
      targetServiceLevel: 0.8,
    });
    expect(staffing.pooled).toMatchObject({ arrivalsPerHour: 120, ahtSeconds: 225, thresholdSeconds: 10, reachable: true });
    expect(staffing.pooled.operators).toBeLessThanOrEqual(staffing.dedicated.operators);
  });
});
