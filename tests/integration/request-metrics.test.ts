import { describe, expect, it } from 'vitest';
import { requests, users } from '@/db/schema';
import { overviewCsv } from '@/server/metrics/csv';
import { metricsOverview } from '@/server/metrics/overview';
import { seedRequestCategories } from '@/server/seed/request-categories';
import { eq } from 'drizzle-orm';
import { makeAdmin, makeBackOfficeUser } from '../helpers/factories';
import { createHarness, harnessCaller, trpcFailure } from '../helpers/test-db';

// The back office's calendar is the default BACKOFFICE_HOURS, Mon–Fri 09:00–18:00 Kyiv (UTC+2 in
// November). The harness's clock: Wed 25 November 2026 12:00 Kyiv (10:00 UTC).
const kyiv = (dayTime: string) => new Date(`2026-11-${dayTime}+02:00`);
const HOUR = 3600;

let counter = 0;
function requestRow(values: Partial<typeof requests.$inferInsert> & Pick<typeof requests.$inferInsert, 'category' | 'createdAt'>): typeof requests.$inferInsert {
  counter += 1;
  return {
    number: `Z-2026-${String(counter).padStart(6, '0')}`,
    status: 'new',
    msisdn: `+38067000${String(counter).padStart(4, '0')}`,
    subject: `Звернення ${counter}`,
    consentAt: values.createdAt,
    firstResponseDueAt: values.createdAt,
    resolutionDueAt: values.createdAt,
    linkTokenHash: `hash-${counter}-${crypto.randomUUID()}`,
    linkExpiresAt: kyiv('30T00:00:00'),
    updatedAt: values.createdAt,
    ...values,
  };
}

/**
 *  req  category  assignee  created      first reply   resolved      paused  first (bh)        resolution (bh)          rating  reopened
 *  A    billing   iryna     Mon 10:00    Mon 11:00     Mon 15:00     –       1 h  in 4         5 h  in 24               5
 *  B    billing   bohdan    Mon 17:00    Tue 12:00     Tue 17:00     2 h     1+3 = 4 h in 4    1+8−2 = 7 h in 24        3       1
 *  C    roaming   iryna     Tue 09:00    Tue 12:00     (open)        –       3 h  late (2)     so far 9+3 = 12 h < 16: not yet counted
 *  D    roaming   –         Tue 16:00    –             (new)         –       so far 2+3 = 5 h > 2: late
 *  E    billing   –         Mon 10:30    merged into A: left out
 *  F    billing   bohdan    Fri 20 10:00 Fri 11:00     (open)        –       before the period: backlog only, 8+9+9+3 = 29 h old
 * Period Mon 23 – Wed 25. Billing targets 4 h / 24 h, roaming 2 h / 16 h (the default categories).
 */
async function world() {
  const h = await createHarness();
  await seedRequestCategories(h.db);
  const admin = await makeAdmin(h.db, { name: 'Адмін' });
  const iryna = await makeBackOfficeUser(h.db, { name: 'Ірина' });
  const bohdan = await makeBackOfficeUser(h.db, { name: 'Богдан' });
  const gone = await makeBackOfficeUser(h.db, { name: 'Звільнена' });
  await h.db.update(users).set({ active: false }).where(eq(users.id, gone.id));
  const a = requestRow({ category: 'billing', assigneeId: iryna.id, createdAt: kyiv('23T10:00:00'), firstResponseAt: kyiv('23T11:00:00'), resolvedAt: kyiv('23T15:00:00'), status: 'resolved', rating: 5 });
  const rows = [
    a,
    requestRow({
      category: 'billing',
      assigneeId: bohdan.id,
      createdAt: kyiv('23T17:00:00'),
      firstResponseAt: kyiv('24T12:00:00'),
      resolvedAt: kyiv('24T17:00:00'),
      closedAt: kyiv('25T09:30:00'),
      status: 'closed',
      slaPausedMs: 2 * HOUR * 1000,
      reopenCount: 1,
      rating: 3,
    }),
    requestRow({ category: 'roaming', assigneeId: iryna.id, createdAt: kyiv('24T09:00:00'), firstResponseAt: kyiv('24T12:00:00'), status: 'open' }),
    requestRow({ category: 'roaming', createdAt: kyiv('24T16:00:00'), status: 'new' }),
    requestRow({ category: 'billing', createdAt: kyiv('23T10:30:00'), status: 'closed', closedAt: kyiv('23T11:00:00') }),
    requestRow({ category: 'billing', assigneeId: bohdan.id, createdAt: kyiv('20T10:00:00'), firstResponseAt: kyiv('20T11:00:00'), status: 'open' }),
  ];
  await h.db.insert(requests).values(rows);
  const [first] = await h.db.select({ id: requests.id }).from(requests).where(eq(requests.number, a.number));
  await h.db.update(requests).set({ mergedIntoId: first?.id }).where(eq(requests.number, rows[4]?.number ?? ''));
  return { h, admin, iryna, bohdan };
}

describe('written requests on the dashboard', () => {
  it('are measured in business hours against each category’s target, per category and per employee', async () => {
    const { h, admin, iryna, bohdan } = await world();
    try {
      const overview = await harnessCaller(h, admin).metrics.overview({ from: '2026-11-23', to: '2026-11-25' });
      const r = overview.requests;
      expect(r.total).toMatchObject({ received: 4, answered: 3, resolved: 2, reopened: 1, reopenRate: 0.5 });
      // First responses 1 h, 4 h, 3 h → 1, 3, 4: p50 3 h, p90 4 h; A and B in time, C and D late.
      expect(r.total.firstResponse).toEqual({ p50: 3 * HOUR, p90: 4 * HOUR, within: 2, counted: 4, share: 0.5 });
      // Resolutions 5 h and 7 h (B's 2 paused hours taken off).
      expect(r.total.resolution).toEqual({ p50: 5 * HOUR, p90: 7 * HOUR, within: 2, counted: 2, share: 1 });
      expect(r.total.satisfaction).toEqual({ mean: 4, count: 2, distribution: [0, 0, 1, 0, 1] });
      // Open now: C 12 h, D 5 h, F 29 h (the merged E and the closed B are not).
      expect(r.total.backlog).toEqual({ under4h: 0, h4to8: 1, d1to2: 1, older: 1, total: 3 });

      const billing = r.byCategory.find((c) => c.category === 'billing');
      expect(billing).toMatchObject({ nameUk: 'Рахунки та оплата', firstResponseHours: 4, resolutionHours: 24, received: 2, firstResponse: { within: 2, counted: 2 }, backlog: { older: 1, total: 1 } });
      const roaming = r.byCategory.find((c) => c.category === 'roaming');
      expect(roaming).toMatchObject({ received: 2, answered: 1, firstResponse: { within: 0, counted: 2, share: 0 }, backlog: { h4to8: 1, d1to2: 1, total: 2 } });
      // Every category is listed, one without requests too.
      expect(r.byCategory.find((c) => c.category === 'coverage')).toMatchObject({ received: 0, firstResponse: { share: null }, backlog: { total: 0 } });

      expect(r.byEmployee.find((e) => e.employeeId === iryna.id)).toMatchObject({ name: 'Ірина', received: 2, resolved: 1, satisfaction: { mean: 5 }, backlog: { d1to2: 1, total: 1 } });
      expect(r.byEmployee.find((e) => e.employeeId === bohdan.id)).toMatchObject({ name: 'Богдан', received: 1, reopened: 1, backlog: { older: 1, total: 1 } });
      expect(r.byEmployee.find((e) => e.employeeId === null)).toMatchObject({ name: null, received: 1, backlog: { h4to8: 1, total: 1 } });

      // Three business days in the period, 4 requests → 1.3 a day; two active back-office people.
      expect(r.staffing).toMatchObject({ businessDays: 3, requestsPerDay: 1.3, headcount: 2, minutesPerRequest: 15, hoursPerPerson: 8, occupancy: 0.85 });

      // A week-end alone: no business day, nothing received; the backlog is still now's.
      const weekend = (await harnessCaller(h, admin).metrics.overview({ from: '2026-11-21', to: '2026-11-22' })).requests;
      expect(weekend.total.received).toBe(0);
      expect(weekend.staffing).toMatchObject({ businessDays: 0, requestsPerDay: 0 });
      expect(weekend.total.backlog.total).toBe(3);
    } finally {
      await h.cleanup();
    }
  });

  it('are in the CSV as a section of their own with a kind per row', async () => {
    const { h, iryna } = await world();
    try {
      const csv = overviewCsv(await metricsOverview(h.db, { from: '2026-11-23', to: '2026-11-25', thresholdSeconds: 20 }, h.clock.now()));
      const [, section = ''] = csv.split('\r\n\r\n');
      const lines = section.trimEnd().split('\r\n');
      expect(lines[0]?.startsWith('kind,key,name,received,')).toBe(true);
      // total: 4 received, 3 answered, 2 resolved; 10800, 14400, 0.5; 18000, 25200, 1; reopen 0.5; rating 4 (2); backlog 0/1/1/1.
      expect(lines[1]).toBe('requests_total,all,,4,3,2,10800,14400,0.5,18000,25200,1,0.5,4,2,0,1,1,1');
      expect(lines).toContain('requests_category,roaming,Роумінг,2,1,0,10800,10800,0,,,,,,0,0,1,1,0');
      expect(lines.find((l) => l.startsWith(`requests_employee,${iryna.id},Ірина,2,2,1,`))).toBeDefined();
    } finally {
      await h.cleanup();
    }
  });

  it('the back-office staffing calculator answers admins only and refuses bad input', async () => {
    const { h, admin, iryna } = await world();
    try {
      const input = { requestsPerDay: 300, minutesPerRequest: 12, applicationsPerDay: 120, minutesPerApplication: 10, hoursPerPerson: 8, occupancy: 0.85, headcount: 11 };
      // (300 × 12 + 120 × 10) / 60 = 80 h / 6.8 h = 11.8 → 12: eleven are one short.
      expect(await harnessCaller(h, admin).metrics.backOfficeStaffing(input)).toMatchObject({ workloadHours: 80, peopleNeeded: 12, headcount: 11, spare: -1, enough: false });
      expect((await trpcFailure(harnessCaller(h, iryna).metrics.backOfficeStaffing(input))).code).toBe('FORBIDDEN');
      expect((await trpcFailure(harnessCaller(h, iryna).metrics.overview({ from: '2026-11-23', to: '2026-11-25' }))).code).toBe('FORBIDDEN');
      for (const bad of [{ occupancy: 0 }, { minutesPerRequest: -5 }, { headcount: 2.5 }, { requestsPerDay: Number.NaN }]) {
        expect((await trpcFailure(harnessCaller(h, admin).metrics.backOfficeStaffing({ ...input, ...bad }))).code).toBe('BAD_REQUEST');
      }
    } finally {
      await h.cleanup();
    }
  });
});
