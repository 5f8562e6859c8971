import { describe, expect, it } from 'vitest';
import { backOfficeFigures, pointOfSaleFigures, type ApplicationFact, type DecisionFact } from '@/server/metrics/backoffice-metrics';

// Kyiv wall-clock times in March 2026, winter time (UTC+2).
const kyiv = (dayTime: string) => new Date(`2026-03-${dayTime}+02:00`);
const HOUR = 3600;

/**
 * Five decisions; a5 is an old application without a recorded submission time.
 *  app  submitted (latest)  decided         time                 decision  by
 *  a1   10 09:00            10 11:00        2 h      =  7 200 s  approve   iryna
 *  a2   10 10:00            10 10:30        30 min   =  1 800 s  reject    bohdan
 *  a3   10 12:00            11 09:00        21 h     = 75 600 s  approve   iryna
 *  a4   11 08:00            11 08:15        15 min   =    900 s  approve   bohdan
 *  a5   —                   11 10:00        —                    reject    iryna
 * a1 was first submitted on the 9th, returned and resubmitted at 10 09:00: its time to decision
 * runs from the latest submission.
 */
const decisions: DecisionFact[] = [
  { applicationId: 'a1', submittedAt: kyiv('10T09:00:00'), at: kyiv('10T11:00:00'), decision: 'approve', by: 'iryna' },
  { applicationId: 'a2', submittedAt: kyiv('10T10:00:00'), at: kyiv('10T10:30:00'), decision: 'reject', by: 'bohdan' },
  { applicationId: 'a3', submittedAt: kyiv('10T12:00:00'), at: kyiv('11T09:00:00'), decision: 'approve', by: 'iryna' },
  { applicationId: 'a4', submittedAt: kyiv('11T08:00:00'), at: kyiv('11T08:15:00'), decision: 'approve', by: 'bohdan' },
  { applicationId: 'a5', submittedAt: null, at: kyiv('11T10:00:00'), decision: 'reject', by: 'iryna' },
];

const now = kyiv('12T15:00:00');
// Waiting now since 12 14:30 (30 min), 12 09:00 (6 h), 11 15:00 (24 h).
const waitingSince = [kyiv('12T14:30:00'), kyiv('12T09:00:00'), kyiv('11T15:00:00')];

describe('backOfficeFigures', () => {
  // 7 submit events in the period (a1 counted twice: its first submission and the resubmission)
  const f = backOfficeFigures({ submissions: 7, decisions, waitingSince, now });

  it('counts submissions, decisions, approvals and rejections', () => {
    expect(f.submitted).toBe(7);
    expect(f.decided).toBe(5);
    expect(f.approved).toBe(3); // a1 a3 a4
    expect(f.rejected).toBe(2); // a2 a5
    expect(f.approvalRate).toBe(3 / 5);
  });

  it('time to decision: nearest-rank p50 and p90, leaving out a decision without a submission time', () => {
    // times 7200, 1800, 75600, 900 → sorted 900, 1800, 7200, 75600
    // p50 rank ceil(2) = 2 → 1800; p90 rank ceil(3.6) = 4 → 75600 (21 h)
    expect(f.decisionTime).toEqual({ p50: 30 * 60, p90: 21 * HOUR });
  });

  it('queue now: how many wait, the oldest wait and the median wait', () => {
    // ages 1800, 21600, 86400 → oldest 24 h; p50 rank ceil(1.5) = 2 → 6 h
    expect(f.queueNow).toEqual({ count: 3, oldest: 24 * HOUR, p50: 6 * HOUR });
  });

  it('per employee, in the order they first decided', () => {
    expect(f.byEmployee).toEqual([
      // iryna: a1 approve (7200 s), a3 approve (75600 s), a5 reject (no time) → p50 of 7200, 75600 = rank 1 → 7200
      { employeeId: 'iryna', decided: 3, approved: 2, rejected: 1, decisionTimeP50: 2 * HOUR },
      // bohdan: a2 reject (1800 s), a4 approve (900 s) → sorted 900, 1800 → rank 1 → 900
      { employeeId: 'bohdan', decided: 2, approved: 1, rejected: 1, decisionTimeP50: 15 * 60 },
    ]);
  });

  it('gives nulls, not zeros, for figures of an empty period and an empty queue', () => {
    expect(backOfficeFigures({ submissions: 0, decisions: [], waitingSince: [], now })).toEqual({
      submitted: 0,
      decided: 0,
      approved: 0,
      rejected: 0,
      approvalRate: null,
      decisionTime: { p50: null, p90: null },
      queueNow: { count: 0, oldest: null, p50: null },
      byEmployee: [],
    });
  });

  // Found by this test once: Math.max(...ages) overflowed the call stack past ~125 000 arguments.
  it('queue now survives a very long queue (200 000 waiting)', () => {
    const since = Array.from({ length: 200_000 }, (_, i) => new Date(now.getTime() - (i + 1) * 1000));
    // ages 1 … 200 000 s: the oldest 200 000 s, p50 rank 100 000 → 100 000 s
    expect(backOfficeFigures({ submissions: 0, decisions: [], waitingSince: since, now }).queueNow).toEqual({ count: 200_000, oldest: 200_000, p50: 100_000 });
  });
});

describe('pointOfSaleFigures', () => {
  const app = (pointOfSaleId: string | null, returnedByOperator = false, returnedByBackOffice = false): ApplicationFact => ({ pointOfSaleId, returnedByOperator, returnedByBackOffice });

  it('per point of sale: applications, returns by the operator and by the back office, share returned by either', () => {
    const figures = pointOfSaleFigures([
      app('pos-kyiv-podil', true),
      app('pos-odesa'),
      app('pos-kyiv-podil', false, true),
      app(null, true),
      app('pos-lviv-center', false, true),
      app('pos-kyiv-podil', true, true), // returned by both: counted once in the share
      app('pos-lviv-center'),
      app('pos-kyiv-podil'),
      app('pos-lviv-center'),
      app(null),
      app('pos-lviv-center'),
      app('pos-lviv-center'),
    ]);
    // most applications first
    expect(figures).toEqual([
      // 5 made, 1 returned by the back office → 1 / 5
      { pointOfSaleId: 'pos-lviv-center', applications: 5, returnedByOperator: 0, returnedByBackOffice: 1, returnedShare: 1 / 5 },
      // 4 made: operator, back office, both, none → by operator 2, by back office 2, by either 3 / 4
      { pointOfSaleId: 'pos-kyiv-podil', applications: 4, returnedByOperator: 2, returnedByBackOffice: 2, returnedShare: 3 / 4 },
      // applications made without a point of sale form their own row: 1 of 2 returned
      { pointOfSaleId: null, applications: 2, returnedByOperator: 1, returnedByBackOffice: 0, returnedShare: 1 / 2 },
      { pointOfSaleId: 'pos-odesa', applications: 1, returnedByOperator: 0, returnedByBackOffice: 0, returnedShare: 0 },
    ]);
  });

  it('gives no rows without applications', () => {
    expect(pointOfSaleFigures([])).toEqual([]);
  });
});
