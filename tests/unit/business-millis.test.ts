import { describe, expect, it } from 'vitest';
import { dueOf, resumeClock, slaOf } from '@/server/requests/sla';
import { addBusinessMillis, businessMillisBetween, parseBusinessCalendar, subtractBusinessMillis } from '@/server/time/business-hours';

const H = 3_600_000;
const at = (iso: string) => new Date(iso);
// The back office's default hours; Friday 25 December 2026 a holiday.
const office = parseBusinessCalendar('mon-fri 09:00-18:00', '2026-12-25');

describe('addBusinessMillis: a target in business hours (Kyiv, hand-computed)', () => {
  it('within a day: Wednesday 10:00 + 4 h = 14:00 (winter, UTC+2)', () => {
    expect(addBusinessMillis(office, at('2026-11-25T08:00:00Z'), 4 * H)).toEqual(at('2026-11-25T12:00:00Z'));
  });

  it('over the night: Wednesday 16:00 + 4 h = Thursday 11:00', () => {
    expect(addBusinessMillis(office, at('2026-11-25T14:00:00Z'), 4 * H)).toEqual(at('2026-11-26T09:00:00Z'));
  });

  it('over the weekend: Friday 17:00 + 2 h = Monday 10:00; from Saturday noon + 1 h = Monday 10:00', () => {
    expect(addBusinessMillis(office, at('2026-11-27T15:00:00Z'), 2 * H)).toEqual(at('2026-11-30T08:00:00Z'));
    expect(addBusinessMillis(office, at('2026-11-28T10:00:00Z'), H)).toEqual(at('2026-11-30T08:00:00Z'));
  });

  it('over a holiday: Thursday 24 December 17:00 + 2 h skips Friday 25 December = Monday 28 December 10:00', () => {
    expect(addBusinessMillis(office, at('2026-12-24T15:00:00Z'), 2 * H)).toEqual(at('2026-12-28T08:00:00Z'));
  });

  it('over the change to summer time: Friday 27 March 17:00 (UTC+2) + 2 h = Monday 30 March 10:00 (UTC+3)', () => {
    expect(addBusinessMillis(office, at('2026-03-27T15:00:00Z'), 2 * H)).toEqual(at('2026-03-30T07:00:00Z'));
  });

  it('over the change to winter time: Friday 23 October 17:00 (UTC+3) + 2 h = Monday 26 October 10:00 (UTC+2)', () => {
    expect(addBusinessMillis(office, at('2026-10-23T14:00:00Z'), 2 * H)).toEqual(at('2026-10-26T08:00:00Z'));
  });

  it('a long target: 40 h from Monday 09:00 (four nine-hour days and 4 h) is Friday 13:00', () => {
    expect(addBusinessMillis(office, at('2026-11-23T07:00:00Z'), 40 * H)).toEqual(at('2026-11-27T11:00:00Z'));
  });

  it('nothing to add is the start itself; a calendar never open has no answer', () => {
    expect(addBusinessMillis(office, at('2026-11-28T10:00:00Z'), 0)).toEqual(at('2026-11-28T10:00:00Z'));
    expect(addBusinessMillis(parseBusinessCalendar('mon-sun closed'), at('2026-11-28T10:00:00Z'), H)).toBeNull();
  });

  it('agrees with businessMillisBetween', () => {
    const from = at('2026-12-23T13:17:00Z');
    for (const hours of [1, 5, 9, 13, 27]) expect(businessMillisBetween(office, from, addBusinessMillis(office, from, hours * H) as Date)).toBe(hours * H);
  });
});

describe('subtractBusinessMillis', () => {
  it('Monday 10:00 − 2 h = Friday 17:00; over the holiday Monday 28 December 10:00 − 2 h = Thursday 24 December 17:00', () => {
    expect(subtractBusinessMillis(office, at('2026-11-30T08:00:00Z'), 2 * H)).toEqual(at('2026-11-27T15:00:00Z'));
    expect(subtractBusinessMillis(office, at('2026-12-28T08:00:00Z'), 2 * H)).toEqual(at('2026-12-24T15:00:00Z'));
  });

  it('over the change to summer time: Monday 30 March 10:00 − 2 h = Friday 27 March 17:00', () => {
    expect(subtractBusinessMillis(office, at('2026-03-30T07:00:00Z'), 2 * H)).toEqual(at('2026-03-27T15:00:00Z'));
  });
});

describe('the SLA clock of a request', () => {
  const category = { firstResponseHours: 4, resolutionHours: 16 };
  const submitted = {
    status: 'new' as const,
    firstResponseAt: null,
    // Submitted Wednesday 25 November 10:00: first response due 14:00, resolution due Friday 10:00.
    firstResponseDueAt: at('2026-11-25T12:00:00Z'),
    resolutionDueAt: at('2026-11-27T08:00:00Z'),
  };

  it('due is the first response while unanswered, then the resolution; none while waiting or resolved', () => {
    expect(dueOf(office, submitted, category).dueAt).toEqual(at('2026-11-25T12:00:00Z'));
    expect(dueOf(office, { ...submitted, status: 'open', firstResponseAt: at('2026-11-25T09:00:00Z') }, category).dueAt).toEqual(at('2026-11-27T08:00:00Z'));
    expect(dueOf(office, { ...submitted, status: 'waiting' }, category)).toEqual({ dueAt: null, riskAt: null });
    expect(dueOf(office, { ...submitted, status: 'resolved' }, category)).toEqual({ dueAt: null, riskAt: null });
  });

  it('at risk with less than a quarter of the target left (the last hour of 4), late past due', () => {
    const { dueAt, riskAt } = dueOf(office, submitted, category);
    expect(riskAt).toEqual(at('2026-11-25T11:00:00Z'));
    const row = { ...submitted, dueAt, riskAt };
    expect(slaOf(office, row, at('2026-11-25T10:59:00Z'))).toEqual({ sla: 'ok', businessMsLeft: 61 * 60_000 });
    expect(slaOf(office, row, at('2026-11-25T11:30:00Z')).sla).toBe('atRisk');
    expect(slaOf(office, row, at('2026-11-25T13:00:00Z'))).toEqual({ sla: 'late', businessMsLeft: -H });
  });

  it('paused from Wednesday 16:00 to Thursday 10:00 (3 business hours): the due times move on by 3 business hours', () => {
    const resumed = resumeClock(office, { ...submitted, slaPausedAt: at('2026-11-25T14:00:00Z'), slaPausedMs: 0 }, at('2026-11-26T08:00:00Z'));
    expect(resumed.slaPausedMs).toBe(3 * H);
    expect(resumed.slaPausedAt).toBeNull();
    expect(resumed.firstResponseDueAt).toEqual(at('2026-11-25T15:00:00Z')); // 14:00 + 3 h = 17:00 Wednesday
    expect(resumed.resolutionDueAt).toEqual(at('2026-11-27T11:00:00Z')); // Friday 10:00 + 3 h = 13:00
  });
});
