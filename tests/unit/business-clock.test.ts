import { describe, expect, it } from 'vitest';
import { businessClock } from '@/server/metrics/business-clock';
import { businessMillisBetween, parseBusinessCalendar } from '@/server/time/business-hours';

describe('businessClock', () => {
  it('gives the same open time as businessMillisBetween, over nights, weekends, holidays and both clock changes', () => {
    const calendar = parseBusinessCalendar('mon-fri 09:00-18:00; sat 10:00-14:00; sun closed', '2026-03-09,2026-10-14');
    const clock = businessClock(calendar);
    // A fixed pseudo-random walk (no Math.random: the same cases every run) over 2026, spanning the DST changes.
    let seed = 17;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 400; i += 1) {
      const a = new Date(start + Math.floor(next() * 360) * 86_400_000 + Math.floor(next() * 86_400_000));
      const b = new Date(a.getTime() + Math.floor(next() * (i % 3 === 0 ? 2 : 90) * 86_400_000));
      expect(clock.between(a, b)).toBe(businessMillisBetween(calendar, a, b));
    }
  });

  it('is 0 backwards and counts within one day', () => {
    const clock = businessClock(parseBusinessCalendar('mon-fri 09:00-18:00'));
    const mon = (t: string) => new Date(`2026-11-23T${t}+02:00`);
    expect(clock.between(mon('12:00:00'), mon('10:00:00'))).toBe(0);
    expect(clock.between(mon('08:00:00'), mon('10:30:00'))).toBe(1.5 * 3_600_000);
    // Mon 17:00 → Wed 10:00 = 1 + 9 + 1 h; an earlier day after a later one resets the running total correctly.
    expect(clock.between(mon('17:00:00'), new Date('2026-11-25T10:00:00+02:00'))).toBe(11 * 3_600_000);
    expect(clock.between(new Date('2026-11-20T17:00:00+02:00'), mon('10:00:00'))).toBe(2 * 3_600_000);
  });
});
