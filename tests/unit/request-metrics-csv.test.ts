import { describe, expect, it } from 'vitest';
import { overviewCsv } from '@/server/metrics/csv';
import type { MetricsOverview } from '@/server/metrics/overview';

type Figures = MetricsOverview['requests']['total'];

const figures = (values: Partial<Figures> = {}): Figures => ({
  received: 0,
  answered: 0,
  resolved: 0,
  firstResponse: { p50: null, p90: null, within: 0, counted: 0, share: null },
  resolution: { p50: null, p90: null, within: 0, counted: 0, share: null },
  reopened: 0,
  reopenRate: null,
  satisfaction: { mean: null, count: 0, distribution: [0, 0, 0, 0, 0] },
  backlog: { under4h: 0, h4to8: 0, d1to2: 0, older: 0, total: 0 },
  ...values,
});

// Three requests: first responses 1 h and 4 h (p50 3 600 s, p90 14 400 s), 2 of 3 within target;
// one resolution of 5 h, within; one of one reopened; ratings 5 and 4; two open now (< 4 h and older).
const billing = figures({
  received: 3,
  answered: 2,
  resolved: 1,
  firstResponse: { p50: 3600, p90: 14_400, within: 2, counted: 3, share: 2 / 3 },
  resolution: { p50: 18_000, p90: 18_000, within: 1, counted: 1, share: 1 },
  reopened: 1,
  reopenRate: 1,
  satisfaction: { mean: 4.5, count: 2, distribution: [0, 0, 0, 1, 1] },
  backlog: { under4h: 1, h4to8: 0, d1to2: 0, older: 1, total: 2 },
});

function overview(): MetricsOverview {
  const chats = { arrived: 0, answered: 0, abandoned: 0, serviceLevel: null, asa: { mean: null, p90: null }, handleTime: { mean: null }, ratings: { mean: null, satisfiedShare: null } };
  const requests = {
    total: billing,
    byCategory: [{ ...billing, category: 'billing', nameUk: 'Рахунки, оплата', nameEn: 'Billing', firstResponseHours: 4, resolutionHours: 16 }],
    byEmployee: [
      { ...billing, employeeId: 'u1', name: 'Ірина' },
      { ...figures({ received: 1 }), employeeId: null, name: null },
    ],
  };
  return { byDay: [], byDayAndClass: [], byClass: [], chats, requests } as unknown as MetricsOverview;
}

describe('overviewCsv: written requests', () => {
  it('adds a section after an empty line, a row per kind: total, category, employee (the unassigned with empty key and name)', () => {
    const csv = overviewCsv(overview());
    const [chatSection, requestSection, rest] = csv.slice(1).split('\r\n\r\n');
    expect(rest).toBeUndefined();
    expect(chatSection?.split('\r\n')[0]?.startsWith('day,')).toBe(true);
    expect(requestSection?.split('\r\n')).toEqual([
      'kind,key,name,received,answered,resolved,first_response_p50_bs,first_response_p90_bs,first_response_within_target,resolution_p50_bs,resolution_p90_bs,resolution_within_target,reopen_rate,csat_mean,csat_count,backlog_under_4h,backlog_4_8h,backlog_1_2d,backlog_older',
      'requests_total,all,,3,2,1,3600,14400,0.667,18000,18000,1,1,4.5,2,1,0,0,1',
      // The name has a comma: quoted.
      'requests_category,billing,"Рахунки, оплата",3,2,1,3600,14400,0.667,18000,18000,1,1,4.5,2,1,0,0,1',
      'requests_employee,u1,Ірина,3,2,1,3600,14400,0.667,18000,18000,1,1,4.5,2,1,0,0,1',
      'requests_employee,,,1,0,0,,,,,,,,,0,0,0,0,0',
      '',
    ]);
  });
});
