'use client';

import { useLocale, useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricsOverview } from '@/server/metrics/overview';
import type { Figures } from './use-figures';

// The dashboard's chart style (charts.tsx).
const BRAND = '#1d5fd1';
const LINE = '#d97706';
const GRID = '#e2e8f0';
const AXIS = { fontSize: 12, fill: '#475569' };
const CHART_HEIGHT = 260;
const BANDS = [
  { key: 'under4h', color: '#93c5fd' },
  { key: 'h4to8', color: BRAND },
  { key: 'd1to2', color: LINE },
  { key: 'older', color: '#b91c1c' },
] as const;

function ChartFrame({ title, testId, children }: { title: string; testId: string; children: React.ReactElement }) {
  return (
    <figure className="min-w-0 rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      <div style={{ height: CHART_HEIGHT }}>
        <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: CHART_HEIGHT }}>
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

type Requests = MetricsOverview['requests'];
const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 36) / 100);

/** Open requests now by business age, a stacked bar per category. */
export function BacklogChart({ requests }: { requests: Requests }) {
  const t = useTranslations('requestFigures');
  const locale = useLocale();
  const data = requests.byCategory.map((c) => ({ name: locale === 'en' ? c.nameEn : c.nameUk, ...c.backlog }));
  return (
    <ChartFrame title={t('charts.backlog')} testId="chart-request-backlog">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="name" tick={AXIS} interval={0} angle={-20} textAnchor="end" height={48} />
        <YAxis allowDecimals={false} tick={AXIS} width={48} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {BANDS.map((b) => (
          <Bar key={b.key} dataKey={b.key} stackId="age" name={t(`bands.${b.key}`)} fill={b.color} maxBarSize={48} isAnimationActive={false} />
        ))}
      </BarChart>
    </ChartFrame>
  );
}

/** First response and resolution (median, business hours) per category, beside each category's targets. */
export function RequestTimesChart({ requests, figures }: { requests: Requests; figures: Figures }) {
  const t = useTranslations('requestFigures');
  const locale = useLocale();
  const data = requests.byCategory.map((c) => ({
    name: locale === 'en' ? c.nameEn : c.nameUk,
    firstResponse: hours(c.firstResponse.p50),
    resolution: hours(c.resolution.p50),
  }));
  return (
    <ChartFrame title={t('charts.times')} testId="chart-request-times">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="name" tick={AXIS} interval={0} angle={-20} textAnchor="end" height={48} />
        <YAxis tick={AXIS} width={48} unit={t('hoursUnit')} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? t('hoursValue', { hours: figures.decimal(value) }) : value)} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="firstResponse" name={t('charts.firstResponse')} fill={BRAND} maxBarSize={28} isAnimationActive={false} />
        <Bar dataKey="resolution" name={t('charts.resolution')} fill={LINE} maxBarSize={28} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
