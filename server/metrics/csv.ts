import type { MetricsOverview } from './overview';

const cell = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  return /[",;\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const COLUMNS = ['day', 'class', 'arrived', 'answered', 'abandoned', 'service_level', 'asa_mean_s', 'asa_p90_s', 'handle_mean_s', 'csat_mean', 'satisfied_share'] as const;

/**
 * The period's figures as CSV (comma-separated, UTF-8 with a BOM so spreadsheet programs read the
 * Ukrainian names): per day a row of all chats (at the period's threshold) and one per class (each
 * against its class's target), and the same for the total; shares are fractions (0.97), times seconds.
 * Ukrainian names): one row per day and a total row; shares are fractions (0.97), times seconds.
 * Then, after an empty line, the written requests' section (`requestRows`).
 */
export function overviewCsv(overview: MetricsOverview): string {
  const c = overview.chats;
  const rows: (string | number | null)[][] = [
    [...COLUMNS],
    ...overview.byDay.flatMap((d) => [
      [d.day, 'all', d.arrived, d.answered, d.abandoned, d.serviceLevel, d.asaMean, d.asaP90, d.handleMean, d.csat, d.satisfiedShare],
      ...overview.byDayAndClass.filter((k) => k.day === d.day).map((k) => [k.day, k.class, k.arrived, k.answered, k.abandoned, k.serviceLevel, k.asaMean, k.asaP90, k.handleMean, k.csat, k.satisfiedShare]),
    ]),
    ['total', 'all', c.arrived, c.answered, c.abandoned, c.serviceLevel, c.asa.mean, c.asa.p90, c.handleTime.mean, c.ratings.mean, c.ratings.satisfiedShare],
    ...overview.byClass.flatMap((k) => (k.class === 'all' ? [] : [['total', k.class, k.figures.arrived, k.figures.answered, k.figures.abandoned, k.figures.serviceLevel, k.figures.asa.mean, k.figures.asa.p90, k.figures.handleTime.mean, k.figures.ratings.mean, k.figures.ratings.satisfiedShare]])),
  ];
  const requests = overview.requests ? ['', ...requestRows(overview.requests).map((r) => r.map(cell).join(','))] : [];
  return `\uFEFF${[...rows.map((r) => r.map(cell).join(',')), ...requests].join('\r\n')}\r\n`;
}

const REQUEST_COLUMNS = [
  'kind',
  'key',
  'name',
  'received',
  'answered',
  'resolved',
  'first_response_p50_bs',
  'first_response_p90_bs',
  'first_response_within_target',
  'resolution_p50_bs',
  'resolution_p90_bs',
  'resolution_within_target',
  'reopen_rate',
  'csat_mean',
  'csat_count',
  'backlog_under_4h',
  'backlog_4_8h',
  'backlog_1_2d',
  'backlog_older',
] as const;

type RequestFiguresRow = MetricsOverview['requests']['total'];

const requestRow = (kind: string, key: string, name: string, f: RequestFiguresRow) => [
  kind,
  key,
  name,
  f.received,
  f.answered,
  f.resolved,
  f.firstResponse.p50,
  f.firstResponse.p90,
  f.firstResponse.share,
  f.resolution.p50,
  f.resolution.p90,
  f.resolution.share,
  f.reopenRate,
  f.satisfaction.mean,
  f.satisfaction.count,
  f.backlog.under4h,
  f.backlog.h4to8,
  f.backlog.d1to2,
  f.backlog.older,
];

/**
 * The written requests' section, after an empty line: its own header, then a row per `kind`
 * (`requests_total`, `requests_category` by category key, `requests_employee` by user id, empty
 * for the unassigned); times in business seconds (`_bs`) of the back office's calendar, shares as
 * fractions, the backlog as it is now.
 */
function requestRows(r: MetricsOverview['requests']): (string | number | null)[][] {
  return [
    [...REQUEST_COLUMNS],
    requestRow('requests_total', 'all', '', r.total),
    ...r.byCategory.map((c) => requestRow('requests_category', c.category, c.nameUk, c)),
    ...r.byEmployee.map((e) => requestRow('requests_employee', e.employeeId ?? '', e.name ?? '', e)),
  ];
}
