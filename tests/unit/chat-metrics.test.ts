import { describe, expect, it } from 'vitest';
import { chatFigures, concurrency, groupBy, percentile, type ChatFact } from '@/server/metrics/chat-metrics';

// Fixtures live on Tuesday 2026-03-10, winter time in Kyiv (UTC+2), written as Kyiv wall-clock times.
const kyiv = (time: string) => new Date(`2026-03-10T${time}+02:00`);

const chat = (fact: Partial<ChatFact> & Pick<ChatFact, 'id' | 'createdAt' | 'status'>): ChatFact => ({
  acceptedAt: null,
  closedAt: null,
  operatorId: null,
  class: 'dealer',
  dealerId: 'dealer-lviv',
  rating: null,
  ...fact,
});

/**
 * Eight chats of a morning, threshold 20 s:
 *  id  arrived   accepted  wait  closed    handle  status     rating  operator  dealer
 *  c1  10:00:00  10:00:12   12   10:05:12   300    closed     5       olena     lviv
 *  c2  10:01:00  10:01:30   30   10:09:30   480    closed     4       olena     lviv
 *  c3  10:02:00  10:02:08    8   10:04:08   120    closed     —       taras     kharkiv
 *  c4  10:03:00  10:03:20   20   10:13:20   600    closed     2       taras     lviv
 *  c5  10:04:00  —               10:04:45  (gave up after 45 s) abandoned        kharkiv
 *  c6  10:05:00  —               10:05:05  (gave up after 5 s)  abandoned        lviv
 *  c7  10:06:00  10:07:00   60   —                 active     —       olena     kharkiv
 *  c8  10:08:00  —                                 queued                       lviv
 */
const morning: ChatFact[] = [
  chat({ id: 'c1', createdAt: kyiv('10:00:00'), acceptedAt: kyiv('10:00:12'), closedAt: kyiv('10:05:12'), status: 'closed', operatorId: 'olena', rating: 5 }),
  chat({ id: 'c2', createdAt: kyiv('10:01:00'), acceptedAt: kyiv('10:01:30'), closedAt: kyiv('10:09:30'), status: 'closed', operatorId: 'olena', rating: 4 }),
  chat({ id: 'c3', createdAt: kyiv('10:02:00'), acceptedAt: kyiv('10:02:08'), closedAt: kyiv('10:04:08'), status: 'closed', operatorId: 'taras', dealerId: 'dealer-kharkiv' }),
  chat({ id: 'c4', createdAt: kyiv('10:03:00'), acceptedAt: kyiv('10:03:20'), closedAt: kyiv('10:13:20'), status: 'closed', operatorId: 'taras', rating: 2 }),
  chat({ id: 'c5', createdAt: kyiv('10:04:00'), closedAt: kyiv('10:04:45'), status: 'abandoned', dealerId: 'dealer-kharkiv' }),
  chat({ id: 'c6', createdAt: kyiv('10:05:00'), closedAt: kyiv('10:05:05'), status: 'abandoned' }),
  chat({ id: 'c7', createdAt: kyiv('10:06:00'), acceptedAt: kyiv('10:07:00'), status: 'active', operatorId: 'olena', dealerId: 'dealer-kharkiv' }),
  chat({ id: 'c8', createdAt: kyiv('10:08:00'), status: 'queued' }),
];

describe('percentile (nearest rank)', () => {
  it('gives the documented example: p50 of 4, 8, 15, 16 s is 8 s', () => {
    // rank = ceil(0.5 · 4) = 2 → the 2nd smallest
    expect(percentile([4, 8, 15, 16], 50)).toBe(8);
  });

  it('sorts numerically, without touching the input', () => {
    const values = [16, 4, 100, 15, 8];
    // sorted 4, 8, 15, 16, 100: p50 rank ceil(2.5) = 3 → 15; p90 rank ceil(4.5) = 5 → 100
    expect(percentile(values, 50)).toBe(15);
    expect(percentile(values, 90)).toBe(100);
    expect(values).toEqual([16, 4, 100, 15, 8]);
  });

  it('takes the 9th smallest of ten values for p90 and the largest for p99', () => {
    const tens = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    // p90: ceil(0.9 · 10) = 9 → 90; p99: ceil(9.9) = 10 → 100
    expect(percentile(tens, 90)).toBe(90);
    expect(percentile(tens, 99)).toBe(100);
  });

  it('gives the smallest value for p0, the largest for p100, and null for no values', () => {
    expect(percentile([7, 3, 9], 0)).toBe(3); // rank max(1, 0) = 1
    expect(percentile([7, 3, 9], 100)).toBe(9); // rank 3
    expect(percentile([], 50)).toBeNull();
  });

  // Found by this test once: (p / 100) · n in floating point made 0.55 · 100 = 55.000…01, one rank too high.
  it('p55 of 1…100 is 55: 55 values are at or below it', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 55)).toBe(55);
  });
});

describe('chatFigures', () => {
  const f = chatFigures(morning, 20);

  it('counts arrived, answered, abandoned and waiting', () => {
    expect(f.arrived).toBe(8);
    expect(f.answered).toBe(5); // c1 c2 c3 c4 c7 (c7 is answered though still open)
    expect(f.abandoned).toBe(2); // c5 c6
    expect(f.waiting).toBe(1); // c8
  });

  it('service level: answered within 20 s (a wait of exactly 20 s counts) / (answered + abandoned)', () => {
    // waits 12, 30, 8, 20, 60 → within 20 s: 12, 8, 20
    expect(f.answeredWithinThreshold).toBe(3);
    // c6 gave up after 5 s and is still a miss; the waiting c8 is in no share
    expect(f.serviceLevel).toBeCloseTo(3 / (5 + 2), 12);
    expect(f.answeredShare).toBeCloseTo(5 / (5 + 2), 12);
    expect(f.abandonedShare).toBeCloseTo(2 / (5 + 2), 12);
  });

  it('the threshold moves the service level', () => {
    // within 10 s: only 8 → 1/7; within 30 s: 12, 30, 8, 20 → 4/7
    expect(chatFigures(morning, 10).serviceLevel).toBeCloseTo(1 / 7, 12);
    expect(chatFigures(morning, 30).serviceLevel).toBeCloseTo(4 / 7, 12);
  });

  it('speed of answer: mean and nearest-rank p50, p90, p99', () => {
    expect(f.asa.mean).toBe((12 + 30 + 8 + 20 + 60) / 5); // 26
    // sorted 8, 12, 20, 30, 60: p50 rank ceil(2.5) = 3 → 20; p90 ceil(4.5) = 5 → 60; p99 ceil(4.95) = 5 → 60
    expect(f.asa).toEqual({ mean: 26, p50: 20, p90: 60, p99: 60 });
  });

  it('time to abandon: mean and median of closed − created of abandoned chats', () => {
    // c5 45 s, c6 5 s → mean (45 + 5) / 2 = 25; p50 rank ceil(1) = 1 → 5
    expect(f.timeToAbandon).toEqual({ mean: (45 + 5) / 2, p50: 5 });
  });

  it('handle time: accepted → closed of the answered chats already closed', () => {
    // c1 300, c2 480, c3 120, c4 600 (the open c7 is left out) → mean 1500 / 4 = 375
    // sorted 120, 300, 480, 600: p50 rank 2 → 300
    expect(f.handleTime).toEqual({ mean: (300 + 480 + 120 + 600) / 4, p50: 300, count: 4 });
  });

  it('ratings: count, mean, share satisfied, response rate, distribution', () => {
    // rated: c1 5, c2 4, c4 2; closed answered chats: c1 c2 c3 c4
    expect(f.ratings.count).toBe(3);
    expect(f.ratings.mean).toBeCloseTo((5 + 4 + 2) / 3, 12);
    expect(f.ratings.satisfiedShare).toBeCloseTo(2 / 3, 12); // the 5 and the 4
    expect(f.ratings.responseRate).toBe(3 / 4);
    expect(f.ratings.distribution).toEqual([0, 1, 0, 1, 1]); // one 2, one 4, one 5
  });

  it('an abandoned chat without a closing time is abandoned but has no time to abandon', () => {
    const g = chatFigures([chat({ id: 'x', createdAt: kyiv('11:00:00'), status: 'abandoned' })], 20);
    expect(g.abandoned).toBe(1);
    expect(g.serviceLevel).toBe(0); // 0 / (0 + 1)
    expect(g.abandonedShare).toBe(1);
    expect(g.timeToAbandon).toEqual({ mean: null, p50: null });
  });

  it('gives null shares when nothing is resolved yet and zeros for no chats', () => {
    const queued = chatFigures([chat({ id: 'q', createdAt: kyiv('11:00:00'), status: 'queued' })], 20);
    expect(queued.waiting).toBe(1);
    expect([queued.serviceLevel, queued.answeredShare, queued.abandonedShare]).toEqual([null, null, null]);

    expect(chatFigures([], 20)).toEqual({
      arrived: 0,
      answered: 0,
      abandoned: 0,
      waiting: 0,
      answeredWithinThreshold: 0,
      serviceLevel: null,
      answeredShare: null,
      abandonedShare: null,
      asa: { mean: null, p50: null, p90: null, p99: null },
      timeToAbandon: { mean: null, p50: null },
      handleTime: { mean: null, p50: null, count: 0 },
      ratings: { count: 0, mean: null, satisfiedShare: null, responseRate: null, distribution: [0, 0, 0, 0, 0] },
    });
  });
});

describe('groupBy', () => {
  it('groups by key in the order keys first appear, keeping item order', () => {
    const byDealer = groupBy(morning, (c) => c.dealerId);
    expect([...byDealer.keys()]).toEqual(['dealer-lviv', 'dealer-kharkiv']);
    expect(byDealer.get('dealer-lviv')?.map((c) => c.id)).toEqual(['c1', 'c2', 'c4', 'c6', 'c8']);
    expect(byDealer.get('dealer-kharkiv')?.map((c) => c.id)).toEqual(['c3', 'c5', 'c7']);
    expect(groupBy([], (x: number) => x).size).toBe(0);
  });

  it('per dealer company: the service level of each group', () => {
    const byDealer = groupBy(morning, (c) => c.dealerId);
    // lviv: answered c1 (12 s), c2 (30 s), c4 (20 s); abandoned c6 → within 2 / (3 + 1)
    expect(chatFigures(byDealer.get('dealer-lviv') ?? [], 20).serviceLevel).toBe(2 / (3 + 1));
    // kharkiv: answered c3 (8 s), c7 (60 s); abandoned c5 → 1 / (2 + 1)
    expect(chatFigures(byDealer.get('dealer-kharkiv') ?? [], 20).serviceLevel).toBeCloseTo(1 / (2 + 1), 12);
  });
});

describe('concurrency (chats at once)', () => {
  it('olena: chat-seconds over busy seconds, with her open chat counted until `until`', () => {
    const olena = morning.filter((c) => c.operatorId === 'olena');
    // seconds after 10:00:00: c1 [12, 312], c2 [90, 570], c7 [420, open → until 10:10:00 = 600]
    // busy: one unbroken stretch 12 → 600 = 588 s; chat-seconds 300 + 480 + 180 = 960
    // two at once during [90, 312] and [420, 570]; never three
    const at = concurrency(olena, kyiv('10:10:00'));
    expect(at.average).toBeCloseTo((300 + 480 + 180) / (600 - 12), 12);
    expect(at.peak).toBe(2);
  });

  it('taras: two overlapping chats', () => {
    const taras = morning.filter((c) => c.operatorId === 'taras');
    // c3 [128, 248], c4 [200, 800]: busy 800 − 128 = 672 s; chat-seconds 120 + 600 = 720
    const at = concurrency(taras, kyiv('11:00:00'));
    expect(at.average).toBeCloseTo((120 + 600) / (800 - 128), 12);
    expect(at.peak).toBe(2);
  });

  it('a chat closing at the instant another opens is not "at once"', () => {
    const back = [
      { acceptedAt: kyiv('12:00:00'), closedAt: kyiv('12:05:00') },
      { acceptedAt: kyiv('12:05:00'), closedAt: kyiv('12:10:00') },
    ];
    // 300 + 300 chat-seconds over 600 busy seconds, never two open
    expect(concurrency(back, kyiv('13:00:00'))).toEqual({ average: (300 + 300) / 600, peak: 1 });
    // the same, listed in the other order
    expect(concurrency([...back].reverse(), kyiv('13:00:00'))).toEqual({ average: 1, peak: 1 });
  });

  it('idle time between chats is not busy time', () => {
    const chats = [
      { acceptedAt: kyiv('12:00:00'), closedAt: kyiv('12:01:40') }, // [0, 100]
      { acceptedAt: kyiv('12:00:50'), closedAt: kyiv('12:02:30') }, // [50, 150]
      { acceptedAt: kyiv('12:05:00'), closedAt: kyiv('12:06:40') }, // [300, 400]
    ];
    // busy [0, 150] + [300, 400] = 250 s; chat-seconds 100 · 3 = 300
    expect(concurrency(chats, kyiv('13:00:00'))).toEqual({ average: 300 / 250, peak: 2 });
  });

  it('three chats accepted at the same instant peak at three', () => {
    const same = [120, 240, 360].map((s) => ({ acceptedAt: kyiv('12:00:00'), closedAt: new Date(kyiv('12:00:00').getTime() + s * 1000) }));
    // busy 360 s; chat-seconds 120 + 240 + 360 = 720
    expect(concurrency(same, kyiv('13:00:00'))).toEqual({ average: 720 / 360, peak: 3 });
  });

  it('cuts chats at `until`, and ignores chats not accepted or accepted after it', () => {
    const chats = [
      { acceptedAt: kyiv('12:00:00'), closedAt: kyiv('12:20:00') }, // counts 12:00 → 12:10 = 600 s
      { acceptedAt: kyiv('12:15:00'), closedAt: null }, // after `until`
      { acceptedAt: null, closedAt: kyiv('12:01:00') }, // never accepted
    ];
    expect(concurrency(chats, kyiv('12:10:00'))).toEqual({ average: 600 / 600, peak: 1 });
  });

  it('gives no average and a zero peak without any accepted chat', () => {
    expect(concurrency([], kyiv('12:00:00'))).toEqual({ average: null, peak: 0 });
  });
});

describe('service level per class: each chat against its class target', () => {
  const answeredAfter = (id: string, chatClass: ChatFact['class'], seconds: number): ChatFact =>
    chat({ id, class: chatClass, createdAt: kyiv('10:00:00'), acceptedAt: new Date(kyiv('10:00:00').getTime() + seconds * 1000), status: 'active', operatorId: 'op' });
  const facts = [answeredAfter('d1', 'dealer', 8), answeredAfter('d2', 'dealer', 15), answeredAfter('s1', 'subscriber', 15), answeredAfter('s2', 'subscriber', 50)];
  const targets = { dealer: 10, subscriber: 60 };

  it('a function threshold takes each chat’s own target; one number takes it for all', () => {
    expect(chatFigures(facts, (c) => targets[c.class])).toMatchObject({ answeredWithinThreshold: 3, serviceLevel: 0.75 });
    expect(chatFigures(facts, 20)).toMatchObject({ answeredWithinThreshold: 3, serviceLevel: 0.75 });
    expect(chatFigures(facts, 10)).toMatchObject({ answeredWithinThreshold: 1, serviceLevel: 0.25 });
    expect(chatFigures(facts.filter((c) => c.class === 'dealer'), targets.dealer).serviceLevel).toBe(0.5);
    expect(chatFigures(facts.filter((c) => c.class === 'subscriber'), targets.subscriber).serviceLevel).toBe(1);
  });
});
