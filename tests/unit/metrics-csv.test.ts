import { describe, expect, it } from 'vitest';
import { overviewCsv } from '@/server/metrics/csv';
import type { MetricsOverview } from '@/server/metrics/overview';

type Day = MetricsOverview['byDay'][number];

const emptyDay = (day: string): Day => ({ day, arrived: 0, answered: 0, abandoned: 0, serviceLevel: null, asaMean: null, asaP90: null, handleMean: null, csat: null, satisfiedShare: null });

/** Only `chats`, `byDay`, `byDayAndClass` and `byClass` are read by overviewCsv; the rest of the overview is left out. */
function overview(byDay: Day[], chats: Record<string, unknown>, byDayAndClass: MetricsOverview['byDayAndClass'] = [], byClass: unknown[] = []): MetricsOverview {
  return { byDay, chats, byDayAndClass, byClass } as unknown as MetricsOverview;
}

// Two Kyiv days around the spring clock change. 28 March: 3 chats, 2 answered (12 s and 21 s),
// 1 abandoned, 1 of 3 within 20 s; handle times 200 s and 300 s; ratings 5 and 4. 29 March: none.
const march28: Day = { day: '2026-03-28', arrived: 3, answered: 2, abandoned: 1, serviceLevel: 1 / 3, asaMean: (12 + 21) / 2, asaP90: 21, handleMean: (200 + 300) / 2, csat: (5 + 4) / 2, satisfiedShare: 1 };
const total = { arrived: 3, answered: 2, abandoned: 1, serviceLevel: 1 / 3, asa: { mean: 16.5, p90: 21 }, handleTime: { mean: 250 }, ratings: { mean: 4.5, satisfiedShare: 1 } };

const HEADER = 'day,class,arrived,answered,abandoned,service_level,asa_mean_s,asa_p90_s,handle_mean_s,csat_mean,satisfied_share';

describe('overviewCsv', () => {
  const csv = overviewCsv(overview([march28, emptyDay('2026-03-29')], total));

  it('starts with a BOM and ends every line, the last one too, with CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('has the header, one row per day (shares as fractions to 3 decimals, nulls empty) and the total row', () => {
    expect(csv).toBe(
      '\uFEFF' +
        [
          HEADER,
          // 1/3 → 0.333; (12 + 21) / 2 = 16.5; (200 + 300) / 2 = 250; (5 + 4) / 2 = 4.5
          '2026-03-28,all,3,2,1,0.333,16.5,21,250,4.5,1',
          // no chats: counts 0, every share and time empty
          '2026-03-29,all,0,0,0,,,,,,',
          'total,all,3,2,1,0.333,16.5,21,250,4.5,1',
        ].join('\r\n') +
        '\r\n',
    );
  });

  it('rounds numbers to 3 decimals', () => {
    const rounded = overviewCsv(overview([], { ...total, serviceLevel: 2 / 3, asa: { mean: 12.34567, p90: 40 }, ratings: { mean: 4.9996, satisfiedShare: 0.98765 } }));
    // 2/3 → 0.667; 12.34567 → 12.346; 4.9996 → 5; 0.98765 → 0.988
    expect(rounded.split('\r\n')[1]).toBe('total,all,3,2,1,0.667,12.346,40,250,5,0.988');
  });

  it('quotes a cell with a comma, a quote, a semicolon or a newline, doubling the quotes', () => {
    const odd = overviewCsv(overview([emptyDay('Sun, 29 "Mar"'), emptyDay('a;b'), emptyDay('two\nlines')], total));
    const lines = odd.slice(1).split('\r\n');
    expect(lines[1]).toBe('"Sun, 29 ""Mar""",all,0,0,0,,,,,,');
    expect(lines[2]).toBe('"a;b",all,0,0,0,,,,,,');
    expect(lines[3]).toBe('"two\nlines",all,0,0,0,,,,,,');
  });

  it('writes only the header and the total for a period without days', () => {
    expect(overviewCsv(overview([], { ...total, arrived: 0, answered: 0, abandoned: 0, serviceLevel: null, asa: { mean: null, p90: null }, handleTime: { mean: null }, ratings: { mean: null, satisfiedShare: null } }))).toBe(
      `\uFEFF${HEADER}\r\ntotal,all,0,0,0,,,,,,\r\n`,
    );
  });
});

describe('overviewCsv per class', () => {
  it('adds under each day a row per class (each against its own target) and a total per class; the all row keeps the period threshold', () => {
    const dealerDay = { ...march28, class: 'dealer' as const, arrived: 2, answered: 2, abandoned: 0, serviceLevel: 0.5 };
    const subscriberDay = { ...emptyDay('2026-03-28'), class: 'subscriber' as const, arrived: 1, abandoned: 1, serviceLevel: 0 };
    const byClass = [
      { class: 'dealer', targetSeconds: 10, figures: { ...total, arrived: 2, answered: 2, abandoned: 0, serviceLevel: 0.5 } },
      { class: 'subscriber', targetSeconds: 60, figures: { ...total, arrived: 1, answered: 0, abandoned: 1, serviceLevel: 0, asa: { mean: null, p90: null }, handleTime: { mean: null }, ratings: { mean: null, satisfiedShare: null } } },
      { class: 'all', targetSeconds: null, figures: total },
    ];
    const lines = overviewCsv(overview([march28], total, [dealerDay, subscriberDay], byClass)).slice(1).split('\r\n');
    expect(lines).toEqual([
      HEADER,
      '2026-03-28,all,3,2,1,0.333,16.5,21,250,4.5,1',
      '2026-03-28,dealer,2,2,0,0.5,16.5,21,250,4.5,1',
      '2026-03-28,subscriber,1,0,1,0,,,,,',
      'total,all,3,2,1,0.333,16.5,21,250,4.5,1',
      'total,dealer,2,2,0,0.5,16.5,21,250,4.5,1',
      'total,subscriber,1,0,1,0,,,,,',
      '',
    ]);
  });
});
