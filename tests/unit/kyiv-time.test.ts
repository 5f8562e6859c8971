import { describe, expect, it } from 'vitest';
import { daysBetween, kyivDate, kyivDayStart, kyivHour, nextDay } from '@/server/time/kyiv';

const utc = (iso: string) => new Date(`${iso}Z`);
const HOUR_MS = 3600_000;

// Kyiv is UTC+2 in winter and UTC+3 in summer. In 2026 the clocks go forward on Sunday 29 March at
// 03:00 local (01:00 UTC: 02:59:59 is followed by 04:00:00) and back on Sunday 25 October at 04:00
// local (01:00 UTC: 03:00–03:59 happens twice).

describe('kyivDate', () => {
  it('turns the day at Kyiv midnight: 22:00 UTC in winter', () => {
    expect(kyivDate(utc('2026-01-15T21:59:59'))).toBe('2026-01-15'); // 23:59:59 in Kyiv
    expect(kyivDate(utc('2026-01-15T22:00:00'))).toBe('2026-01-16'); // 00:00:00 next day
  });

  it('turns the day at Kyiv midnight: 21:00 UTC in summer', () => {
    expect(kyivDate(utc('2026-07-15T20:59:59'))).toBe('2026-07-15');
    expect(kyivDate(utc('2026-07-15T21:00:00'))).toBe('2026-07-16');
  });

  it('crosses the year in Kyiv before it does in UTC', () => {
    expect(kyivDate(utc('2026-12-31T22:30:00'))).toBe('2027-01-01');
  });
});

describe('kyivHour', () => {
  it('is UTC + 2 in winter and UTC + 3 in summer, 0–23', () => {
    expect(kyivHour(utc('2026-01-15T10:00:00'))).toBe(12);
    expect(kyivHour(utc('2026-07-15T10:00:00'))).toBe(13);
    expect(kyivHour(utc('2026-01-15T22:30:00'))).toBe(0); // 00:30, never "24"
    expect(kyivHour(utc('2026-01-15T21:59:59'))).toBe(23);
  });

  it('skips 03:00 on 29 March 2026', () => {
    expect(kyivHour(utc('2026-03-29T00:59:59'))).toBe(2); // 02:59:59 UTC+2
    expect(kyivHour(utc('2026-03-29T01:00:00'))).toBe(4); // 04:00:00 UTC+3
  });

  it('has 03:00 twice on 25 October 2026', () => {
    expect(kyivHour(utc('2026-10-25T00:30:00'))).toBe(3); // 03:30 UTC+3
    expect(kyivHour(utc('2026-10-25T01:30:00'))).toBe(3); // 03:30 again, UTC+2
    expect(kyivHour(utc('2026-10-25T02:00:00'))).toBe(4); // 04:00 UTC+2
  });
});

describe('kyivDayStart', () => {
  it('is 22:00 UTC the day before in winter and 21:00 UTC in summer', () => {
    expect(kyivDayStart('2026-01-15').toISOString()).toBe('2026-01-14T22:00:00.000Z');
    expect(kyivDayStart('2026-07-15').toISOString()).toBe('2026-07-14T21:00:00.000Z');
  });

  it('29 March 2026 starts in winter time and lasts 23 hours', () => {
    expect(kyivDayStart('2026-03-29').toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(kyivDayStart('2026-03-30').toISOString()).toBe('2026-03-29T21:00:00.000Z');
    expect(kyivDayStart('2026-03-30').getTime() - kyivDayStart('2026-03-29').getTime()).toBe(23 * HOUR_MS);
  });

  it('25 October 2026 starts in summer time and lasts 25 hours', () => {
    expect(kyivDayStart('2026-10-25').toISOString()).toBe('2026-10-24T21:00:00.000Z');
    expect(kyivDayStart('2026-10-26').toISOString()).toBe('2026-10-25T22:00:00.000Z');
    expect(kyivDayStart('2026-10-26').getTime() - kyivDayStart('2026-10-25').getTime()).toBe(25 * HOUR_MS);
  });

  it('is the first instant of its Kyiv day, every day of 2026', () => {
    for (const day of daysBetween('2026-01-01', '2026-12-31')) {
      const start = kyivDayStart(day);
      expect(kyivDate(start)).toBe(day);
      expect(kyivHour(start)).toBe(0);
      expect(kyivDate(new Date(start.getTime() - 1))).not.toBe(day);
    }
  });
});

describe('nextDay', () => {
  it('steps over month ends, year ends and leap days', () => {
    expect(nextDay('2026-03-28')).toBe('2026-03-29');
    expect(nextDay('2026-03-29')).toBe('2026-03-30'); // a 23-hour day is still one day
    expect(nextDay('2026-10-25')).toBe('2026-10-26'); // and so is a 25-hour day
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2028-02-29')).toBe('2028-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('daysBetween', () => {
  it('lists every day from `from` to `to`, both included', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysBetween('2026-10-25', '2026-10-25')).toEqual(['2026-10-25']);
  });

  it('counts 365 days in 2026, 366 in 2028, and none for a reversed range', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toHaveLength(365);
    expect(daysBetween('2028-01-01', '2028-12-31')).toHaveLength(366);
    expect(daysBetween('2026-03-30', '2026-03-28')).toEqual([]);
  });
});
