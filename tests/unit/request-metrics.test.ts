import { describe, expect, it } from 'vitest';
import { backlogBand, backlogOf, requestFigures, requestOverview, type CategoryTarget, type RequestFact } from '@/server/metrics/request-metrics';
import { businessClock } from '@/server/metrics/business-clock';
import { parseBusinessCalendar } from '@/server/time/business-hours';

// The back office works Mon–Fri 09:00–18:00 Kyiv (UTC+2 in November); Mon 23 … Fri 27 November 2026.
const calendar = businessClock(parseBusinessCalendar('mon-fri 09:00-18:00'));
const kyiv = (dayTime: string) => new Date(`2026-11-${dayTime}+02:00`);
const HOUR = 3600;
const targets = new Map<string, CategoryTarget>([
  ['billing', { firstResponseHours: 4, resolutionHours: 16 }],
  ['roaming', { firstResponseHours: 2, resolutionHours: 8 }],
]);

const fact = (values: Partial<RequestFact> & Pick<RequestFact, 'id' | 'createdAt'>): RequestFact => ({
  category: 'billing',
  status: 'new',
  assigneeId: null,
  firstResponseAt: null,
  resolvedAt: null,
  closedAt: null,
  reopenCount: 0,
  slaPausedMs: 0,
  rating: null,
  ...values,
});

/**
 *  id  cat      created     first reply   resolved     paused   first (bh)       resolution (bh)      rating  reopened
 *  r1  billing  Mon 10:00   Mon 11:00     Mon 15:00    0        1 h   within 4   5 h    within 16     5       –
 *  r2  billing  Mon 17:00   Tue 12:00     Wed 17:00    2 h      4 h   within 4   18 − 2 = 16 within    3       1
 *  r3  billing  Fri 16:00   Mon 14:00*    —            —        7 h   late       open: Fri 20 16:00 → Fri 27 10:00 = 2 + 4 × 9 + 1 = 39 h > 16 late
 *  r4  roaming  Sat 10:00   —             —            —        open: Mon–Thu 36 h + Fri 1 h = 37 h: > 2 late, > 8 late
 *  r5  roaming  Tue 09:00   Tue 09:30     Tue 18:00    0        0.5 h within 2  9 h    late (8)     1       –
 * (* r3 was created Fri 20 November; Fri 16:00–18:00 = 2 h, Mon 09:00–14:00 = 5 h.)
 * now = Fri 27 November 10:00; r4 was created Sat 21 November.
 */
const now = kyiv('27T10:00:00');
const tuesday = kyiv('24T10:00:00');
const r1 = fact({ id: 'r1', createdAt: kyiv('23T10:00:00'), firstResponseAt: kyiv('23T11:00:00'), resolvedAt: kyiv('23T15:00:00'), status: 'resolved', rating: 5, assigneeId: 'iryna' });
const r2 = fact({ id: 'r2', createdAt: kyiv('23T17:00:00'), firstResponseAt: kyiv('24T12:00:00'), resolvedAt: kyiv('25T17:00:00'), closedAt: kyiv('26T09:00:00'), status: 'closed', slaPausedMs: 2 * HOUR * 1000, reopenCount: 1, rating: 3, assigneeId: 'bohdan' });
const r3 = fact({ id: 'r3', createdAt: kyiv('20T16:00:00'), firstResponseAt: kyiv('23T14:00:00'), status: 'open', assigneeId: 'iryna' });
const r4 = fact({ id: 'r4', category: 'roaming', createdAt: kyiv('21T10:00:00') });
const r5 = fact({ id: 'r5', category: 'roaming', createdAt: kyiv('24T09:00:00'), firstResponseAt: kyiv('24T09:30:00'), resolvedAt: kyiv('24T18:00:00'), status: 'resolved', rating: 1, assigneeId: 'iryna' });

describe('requestFigures', () => {
  it('measures first response and resolution in business hours, against each category’s target', () => {
    const f = requestFigures([r1, r2, r3, r4, r5], targets, calendar, now);
    expect(f).toMatchObject({ received: 5, answered: 4, resolved: 3 });
    // First responses 1 h, 4 h, 7 h, 0.5 h → sorted 0.5, 1, 4, 7: p50 (rank 2) 1 h, p90 (rank 4) 7 h.
    expect(f.firstResponse).toEqual({ p50: 1 * HOUR, p90: 7 * HOUR, within: 3, counted: 5, share: 3 / 5 });
    // Resolutions 5 h, 16 h, 9 h → 5, 9, 16: p50 9 h, p90 16 h. r5 misses its 8 h; r3 and r4, still open, are already late.
    expect(f.resolution).toEqual({ p50: 9 * HOUR, p90: 16 * HOUR, within: 2, counted: 5, share: 2 / 5 });
    // On Tuesday 10:00 r3 had run 2 + 9 + 1 = 12 h (< 16: not yet counted), r4 10 h (> 8: late).
    expect(requestFigures([r3, r4], targets, calendar, tuesday).resolution).toMatchObject({ within: 0, counted: 1 });
    // Resolved at least once: r1, r2, r5; reopened: r2.
    expect(f.reopened).toBe(1);
    expect(f.reopenRate).toBe(1 / 3);
    expect(f.satisfaction).toEqual({ mean: 3, count: 3, distribution: [1, 0, 1, 0, 1] });
  });

  it('has no figure without requests', () => {
    expect(requestFigures([], targets, calendar, now)).toMatchObject({ received: 0, firstResponse: { p50: null, share: null }, resolution: { p90: null, share: null }, reopenRate: null, satisfaction: { mean: null, count: 0 } });
  });

  it('does not count the current pause of a request waiting for the subscriber against it', () => {
    // Created Mon 09:00, waiting since Mon 12:00 (3 business hours before the pause): at Tue 18:00 it has run 3 h, not 18 h.
    const waiting = fact({ id: 'w', category: 'roaming', createdAt: kyiv('23T09:00:00'), firstResponseAt: kyiv('23T10:00:00'), status: 'waiting', slaPausedAt: kyiv('23T12:00:00') });
    expect(requestFigures([waiting], targets, calendar, kyiv('24T18:00:00')).resolution).toMatchObject({ counted: 0 });
    const notPaused = { ...waiting, status: 'open' as const, slaPausedAt: null };
    expect(requestFigures([notPaused], targets, calendar, kyiv('24T18:00:00')).resolution).toMatchObject({ counted: 1, within: 0 });
  });
});

describe('backlog', () => {
  it('puts an age in business hours into its band', () => {
    const h = (hours: number) => hours * HOUR * 1000;
    expect([0, 3.99, 4, 7.99, 8, 15.99, 16, 100].map((x) => backlogBand(h(x)))).toEqual(['under4h', 'under4h', 'h4to8', 'h4to8', 'd1to2', 'd1to2', 'older', 'older']);
  });

  it('counts the requests open now by their business age; resolved and closed ones are not backlog', () => {
    // At Tue 10:00: r3 12 h (1–2 days), r4 10 h (1–2 days); a request of Tue 09:30 is 0.5 h old; one of Mon 12:00 is 6 + 1 = 7 h.
    const fresh = fact({ id: 'f', createdAt: kyiv('24T09:30:00') });
    const sevenHours = fact({ id: 's', createdAt: kyiv('23T12:00:00'), status: 'waiting' });
    const old = fact({ id: 'o', createdAt: kyiv('16T09:00:00') });
    expect(backlogOf([r1, r2, r3, r4, r5, fresh, sevenHours, old], calendar, tuesday)).toEqual({ under4h: 1, h4to8: 1, d1to2: 2, older: 1, total: 5 });
  });
});

describe('requestOverview', () => {
  it('splits the figures per category and per employee, the backlog too', () => {
    const o = requestOverview({ inPeriod: [r1, r2, r3, r4, r5], open: [r3, r4], targets, clock: calendar, now });
    expect(o.total.received).toBe(5);
    expect(o.total.backlog.total).toBe(2);
    const billing = o.byCategory.find((c) => c.category === 'billing');
    expect(billing).toMatchObject({ received: 3, firstResponse: { within: 2, counted: 3 }, backlog: { older: 1, total: 1 } });
    const roaming = o.byCategory.find((c) => c.category === 'roaming');
    expect(roaming).toMatchObject({ received: 2, resolution: { within: 0, counted: 2 }, satisfaction: { mean: 1, count: 1 } });
    const iryna = o.byEmployee.find((e) => e.employeeId === 'iryna');
    expect(iryna).toMatchObject({ received: 3, resolved: 2, backlog: { total: 1 } });
    expect(iryna?.satisfaction.mean).toBe(3);
    expect(o.byEmployee.find((e) => e.employeeId === null)).toMatchObject({ received: 1, backlog: { total: 1 } });
  });
});
