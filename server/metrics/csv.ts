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
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
