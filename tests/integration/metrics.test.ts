import { describe, expect, it } from 'vitest';
import { chatWorld } from '../helpers/chat-world';
import { trpcFailure } from '../helpers/test-db';

describe('metrics through the procedures', () => {
  it('are computed from the stored timestamps of real chats, and only admins get them', async () => {
    const w = await chatWorld();
    try {
      await w.online(w.world.operator);
      const first = await w.as(w.world.dealer).chat.start({ topic: 'Перший' });
      w.h.clock.advance(12_000);
      await w.as(w.world.operator).operator.accept({ chatId: first.chatId });
      w.h.clock.advance(300_000);
      await w.as(w.world.operator).chat.close({ chatId: first.chatId });
      await w.as(w.world.dealer).chat.rate({ chatId: first.chatId, rating: 5 });
      const second = await w.as(w.world.dealer2).chat.start({ topic: 'Другий' });
      w.h.clock.advance(40_000);
      await w.as(w.world.dealer2).chat.cancel({ chatId: second.chatId });

      const overview = await w.as(w.world.admin).metrics.overview({ from: '2026-11-25', to: '2026-11-25' });
      expect(overview.chats).toMatchObject({ arrived: 2, answered: 1, abandoned: 1, answeredWithinThreshold: 1, serviceLevel: 0.5, answeredShare: 0.5 });
      expect(overview.chats.asa.mean).toBe(12);
      expect(overview.chats.handleTime.mean).toBe(300);
      expect(overview.chats.timeToAbandon.mean).toBe(40);
      expect(overview.chats.ratings).toMatchObject({ count: 1, mean: 5, satisfiedShare: 1, responseRate: 1, distribution: [0, 0, 0, 0, 1] });
      expect(overview.byDay).toEqual([expect.objectContaining({ day: '2026-11-25', arrived: 2 })]);
      expect(overview.byOperator).toEqual([expect.objectContaining({ name: w.world.operator.name, answered: 1, concurrencyPeak: 1 })]);
      expect(overview.byHour.reduce((s, h) => s + h.arrived, 0)).toBe(2);
      // A threshold below the wait makes it a miss.
      expect((await w.as(w.world.admin).metrics.overview({ from: '2026-11-25', to: '2026-11-25', thresholdSeconds: 10 })).chats.serviceLevel).toBe(0);
      // Another period has nothing.
      expect((await w.as(w.world.admin).metrics.overview({ from: '2026-11-24', to: '2026-11-24' })).chats.arrived).toBe(0);

      for (const who of [w.world.dealer, w.world.operator, w.world.backoffice]) {
        expect((await trpcFailure(w.as(who).metrics.overview({ from: '2026-11-25', to: '2026-11-25' }))).code).toBe('FORBIDDEN');
        expect((await trpcFailure(w.as(who).metrics.live())).code).toBe('FORBIDDEN');
      }
      expect((await trpcFailure(w.as(w.world.admin).metrics.overview({ from: '2026-11-26', to: '2026-11-25' }))).code).toBe('BAD_REQUEST');
      expect((await trpcFailure(w.as(w.world.admin).metrics.overview({ from: '2024-01-01', to: '2026-11-25' }))).code).toBe('BAD_REQUEST');
      expect((await trpcFailure(w.as(w.world.admin).metrics.overview({ from: '2026-02-30', to: '2026-11-25' }))).code).toBe('BAD_REQUEST');
    } finally {
      await w.h.cleanup();
    }
  });

  it('the live queue shows waiting chats with their wait, and an operator whose heartbeat went silent as offline', async () => {
    const w = await chatWorld();
    try {
      await w.online(w.world.operator, 1);
      const busy = await w.as(w.world.dealer).chat.start({ topic: 'Зайнятий' });
      await w.as(w.world.operator).operator.accept({ chatId: busy.chatId });
      await w.as(w.world.dealer2).chat.start({ topic: 'Чекає' });
      w.h.clock.advance(30_000);
      const live = await w.as(w.world.admin).metrics.live();
      expect(live.waiting.map((c) => [c.topic, c.waitSeconds])).toEqual([['Чекає', 30]]);
      expect(live.operators.find((o) => o.id === w.world.operator.id)).toMatchObject({ status: 'available', load: 1, capacity: 1 });
      expect(live.summary).toMatchObject({ waiting: 1, longestWaitSeconds: 30, available: 1, freeSlots: 0, activeChats: 1 });
      w.h.clock.advance(60_000);
      expect((await w.as(w.world.admin).metrics.live()).operators.find((o) => o.id === w.world.operator.id)?.status).toBe('offline');
    } finally {
      await w.h.cleanup();
    }
  });
});
