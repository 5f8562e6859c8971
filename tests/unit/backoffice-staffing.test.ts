import { describe, expect, it } from 'vitest';
import { backOfficeStaffing, backOfficeStaffingInput } from '@/server/metrics/backoffice-staffing';

const base = { requestsPerDay: 300, minutesPerRequest: 12, applicationsPerDay: 120, minutesPerApplication: 10, hoursPerPerson: 8, occupancy: 0.85, headcount: 11 };

describe('backOfficeStaffing', () => {
  it('turns requests and applications per day into hours and people', () => {
    const s = backOfficeStaffing(base);
    // 300 × 12 / 60 = 60 h; 120 × 10 / 60 = 20 h; 80 h / (8 × 0.85 = 6.8 h) = 11.76 → 12 people: eleven do not suffice.
    expect(s.requestHours).toBe(60);
    expect(s.applicationHours).toBe(20);
    expect(s.workloadHours).toBe(80);
    expect(s.hoursPerPersonEffective).toBeCloseTo(6.8, 10);
    expect(s).toMatchObject({ peopleNeeded: 12, headcount: 11, spare: -1, enough: false });
    // 80 h of work / 88 h of eleven people = 0.909…
    expect(s.utilisation).toBeCloseTo(80 / 88, 10);
  });

  it('says eleven suffice when the work fits', () => {
    // 250 × 12 / 60 = 50 h + 20 h = 70 h / 6.8 = 10.29 → 11.
    expect(backOfficeStaffing({ ...base, requestsPerDay: 250 })).toMatchObject({ peopleNeeded: 11, spare: 0, enough: true });
  });

  it('needs no one without work, and an exact multiple is not rounded up', () => {
    expect(backOfficeStaffing({ ...base, requestsPerDay: 0, applicationsPerDay: 0 })).toMatchObject({ workloadHours: 0, peopleNeeded: 0, enough: true });
    // 40 requests × 12 min = 8 h at 8 h × 1.0 = exactly one person.
    expect(backOfficeStaffing({ ...base, requestsPerDay: 40, applicationsPerDay: 0, occupancy: 1 }).peopleNeeded).toBe(1);
    // 0.1 × 3 = 0.30000000000000004 h per… : 3 requests × 6 min = 0.3 h at 0.3 h per person → 1, not 2.
    expect(backOfficeStaffing({ ...base, requestsPerDay: 3, minutesPerRequest: 6, applicationsPerDay: 0, hoursPerPerson: 0.5, occupancy: 0.6 }).peopleNeeded).toBe(1);
  });

  it('has no utilisation without anyone', () => {
    expect(backOfficeStaffing({ ...base, headcount: 0 })).toMatchObject({ utilisation: null, enough: false });
  });

  it('refuses bad input', () => {
    for (const bad of [{ occupancy: 0 }, { occupancy: 1.2 }, { requestsPerDay: -1 }, { minutesPerRequest: 0 }, { hoursPerPerson: 0 }, { headcount: 1.5 }]) {
      expect(backOfficeStaffingInput.safeParse({ ...base, ...bad }).success).toBe(false);
    }
    expect(backOfficeStaffingInput.safeParse(base).success).toBe(true);
  });
});
