import { describe, expect, it } from 'vitest';
import { BusinessHoursError, businessMillisBetween, isOpen, kyivTime, nextOpening, openIntervalAt, parseBusinessCalendar, weeklyHours } from '@/server/time/business-hours';

const H = 3_600_000;
const at = (iso: string) => new Date(iso);
// Weekdays 08–20, weekends 09–18 (Kyiv); 1 January a holiday.
const calendar = parseBusinessCalendar('mon-fri 08:00-20:00; sat-sun 09:00-18:00', '2027-01-01');

describe('Kyiv wall-clock times as instants', () => {
  it('winter is UTC+2, summer UTC+3, across the changes of 2026 (29 March, 25 October)', () => {
    expect(kyivTime('2026-03-28', 9 * 60)).toEqual(at('2026-03-28T07:00:00Z'));
    expect(kyivTime('2026-03-29', 2 * 60)).toEqual(at('2026-03-29T00:00:00Z'));
    expect(kyivTime('2026-03-29', 9 * 60)).toEqual(at('2026-03-29T06:00:00Z'));
    expect(kyivTime('2026-10-25', 2 * 60)).toEqual(at('2026-10-24T23:00:00Z'));
    expect(kyivTime('2026-10-25', 9 * 60)).toEqual(at('2026-10-25T07:00:00Z'));
    expect(kyivTime('2026-10-25', 24 * 60)).toEqual(at('2026-10-25T22:00:00Z'));
  });

  it('a time the clocks skip in spring (03:30 on 29 March 2026) is read as the clocks show it: 04:30 summer time', () => {
    expect(kyivTime('2026-03-29', 3 * 60 + 30)).toEqual(at('2026-03-29T01:30:00Z'));
  });
});

describe('open or not', () => {
  it('hand-computed cases: a weekday, a weekend day, the edges', () => {
    // Wednesday 25 November 2026, winter: 08:00 Kyiv = 06:00 UTC, 20:00 = 18:00 UTC.
    expect(isOpen(calendar, at('2026-11-25T05:59:59Z'))).toBe(false);
    expect(isOpen(calendar, at('2026-11-25T06:00:00Z'))).toBe(true);
    expect(isOpen(calendar, at('2026-11-25T17:59:59Z'))).toBe(true);
    expect(isOpen(calendar, at('2026-11-25T18:00:00Z'))).toBe(false);
    // Saturday 28 November: 09–18 Kyiv.
    expect(isOpen(calendar, at('2026-11-28T06:30:00Z'))).toBe(false);
    expect(isOpen(calendar, at('2026-11-28T07:00:00Z'))).toBe(true);
    expect(openIntervalAt(calendar, at('2026-11-28T10:00:00Z'))).toEqual({ start: at('2026-11-28T07:00:00Z'), end: at('2026-11-28T16:00:00Z') });
  });

  it('the day summer time starts (Sunday 29 March 2026) opens at 09:00 summer time', () => {
    expect(isOpen(calendar, at('2026-03-29T06:30:00Z'))).toBe(true); // 09:30 EEST
    expect(isOpen(calendar, at('2026-03-29T05:30:00Z'))).toBe(false); // 08:30 EEST
    expect(nextOpening(calendar, at('2026-03-29T00:00:00Z'))).toEqual(at('2026-03-29T06:00:00Z'));
  });

  it('a holiday is closed all day; the next opening is the day after', () => {
    expect(isOpen(calendar, at('2027-01-01T10:00:00Z'))).toBe(false);
    // Thursday 31 December 2026 after 20:00 → Saturday 2 January 09:00 (Friday the 1st is a holiday).
    expect(nextOpening(calendar, at('2026-12-31T19:00:00Z'))).toEqual(at('2027-01-02T07:00:00Z'));
  });

  it('when open, the next opening is now; with no hours at all, there is none', () => {
    expect(nextOpening(calendar, at('2026-11-25T10:00:00Z'))).toEqual(at('2026-11-25T10:00:00Z'));
    expect(nextOpening(parseBusinessCalendar('mon-sun closed'), at('2026-11-25T10:00:00Z'))).toBeNull();
  });
});

describe('business time between two instants (an SLA clock)', () => {
  it('over a weekend: Friday 19:00 to Monday 09:00 Kyiv (winter) is 1 + 9 + 9 + 1 hours', () => {
    expect(businessMillisBetween(calendar, at('2026-11-27T17:00:00Z'), at('2026-11-30T07:00:00Z'))).toBe(20 * H);
  });

  it('across the spring change: Friday 27 to Monday 30 March 2026 (whole days) is 12 + 9 + 9 hours', () => {
    expect(businessMillisBetween(calendar, at('2026-03-26T22:00:00Z'), at('2026-03-29T21:00:00Z'))).toBe(30 * H);
  });

  it('across the autumn change (Sunday 25 October 2026 has 25 hours, open 9 of them)', () => {
    expect(businessMillisBetween(calendar, at('2026-10-24T21:00:00Z'), at('2026-10-25T22:00:00Z'))).toBe(9 * H);
  });

  it('a holiday counts nothing; reversed or empty spans are 0', () => {
    expect(businessMillisBetween(calendar, at('2026-12-31T22:00:00Z'), at('2027-01-01T22:00:00Z'))).toBe(0);
    expect(businessMillisBetween(calendar, at('2026-11-25T12:00:00Z'), at('2026-11-25T10:00:00Z'))).toBe(0);
  });
});

describe('the setting', () => {
  it('reads several intervals a day, day lists, overrides, and shows the week', () => {
    const c = parseBusinessCalendar('mon-fri 08:00-12:00,13:00-17:00; wed closed; sun 10:00-24:00');
    expect(weeklyHours(c)).toEqual([
      { weekday: 1, opens: '08:00', closes: '12:00' },
      { weekday: 1, opens: '13:00', closes: '17:00' },
      { weekday: 2, opens: '08:00', closes: '12:00' },
      { weekday: 2, opens: '13:00', closes: '17:00' },
      { weekday: 4, opens: '08:00', closes: '12:00' },
      { weekday: 4, opens: '13:00', closes: '17:00' },
      { weekday: 5, opens: '08:00', closes: '12:00' },
      { weekday: 5, opens: '13:00', closes: '17:00' },
      { weekday: 7, opens: '10:00', closes: '24:00' },
    ]);
    // Monday 30 November 2026, 12:30 Kyiv: lunch.
    expect(isOpen(c, at('2026-11-30T10:30:00Z'))).toBe(false);
    expect(isOpen(c, at('2026-11-30T11:00:00Z'))).toBe(true);
    expect(parseBusinessCalendar('sat-mon 10:00-11:00').week.size).toBe(3);
  });

  it.each(['mon-fri', 'mon-fri 8-20', 'xyz 08:00-20:00', 'mon 20:00-08:00', 'mon 08:00-25:00'])('refuses %j', (hours) => {
    expect(() => parseBusinessCalendar(hours)).toThrow(BusinessHoursError);
  });

  it('refuses a holiday that is not a date', () => {
    expect(() => parseBusinessCalendar('mon 08:00-09:00', '2026-13-45x')).toThrow(BusinessHoursError);
  });
});
