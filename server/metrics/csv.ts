import type { MetricsOverview } from './overview';

const cell = (value: string | number | null | undefined): string => {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  return /[",;\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

const COLUMNS = ['day', 'arrived', 'answered', 'abandoned', 'service_level', 'asa_mean_s', 'asa_p90_s', 'handle_mean_s', 'csat_mean', 'satisfied_share'] as const;

/**
 * The period's figures as CSV (comma-separated, UTF-8 with a BOM so spreadsheet programs read the
 * Ukrainian names): one row per day and a total row; shares are fractions (0.97), times seconds.
 */
export function overviewCsv(overview: MetricsOverview): string {
  const c = overview.chats;
  const rows: (string | number | null)[][] = [
    [...COLUMNS],
    ...overview.byDay.map((d) => [d.day, d.arrived, d.answered, d.abandoned, d.serviceLevel, d.asaMean, d.asaP90, d.handleMean, d.csat, d.satisfiedShare]),
    ['total', c.arrived, c.answered, c.abandoned, c.serviceLevel, c.asa.mean, c.asa.p90, c.handleTime.mean, c.ratings.mean, c.ratings.satisfiedShare],
  ];
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
