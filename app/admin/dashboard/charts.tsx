'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricsOverview } from '@/server/metrics/overview';
import type { Figures } from './use-figures';

const BRAND = '#1d5fd1';
const LINE = '#d97706';
const GRID = '#e2e8f0';
const AXIS = { fontSize: 12, fill: '#475569' };
const CHART_HEIGHT = 260;

/** A chart under a heading, in a box of fixed height so the page does not jump while it measures itself. */
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

const asPercent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const asSeconds = (seconds: number | null) => (seconds === null ? null : Math.round(seconds * 10) / 10);

/** Service level (%, line) and average wait (s, bars) for each day of the period. */
export function DayChart({ days, figures }: { days: MetricsOverview['byDay']; figures: Figures }) {
  const t = useTranslations('dashboard.charts');
  const format = useFormatter();
  const data = days.map((d) => ({ day: d.day, serviceLevel: asPercent(d.serviceLevel), asa: asSeconds(d.asaMean), arrived: d.arrived }));
  const dayLabel = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { day: '2-digit', month: '2-digit' });
  return (
    <ChartFrame title={t('byDay')} testId="chart-by-day">
      <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -8 }}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="day" tickFormatter={dayLabel} tick={AXIS} minTickGap={12} />
        <YAxis yAxisId="sl" domain={[0, 100]} unit="%" tick={AXIS} width={48} />
        <YAxis yAxisId="asa" orientation="right" unit={t('secondsUnit')} tick={AXIS} width={44} allowDecimals={false} />
        <Tooltip
          labelFormatter={(label) => (typeof label === 'string' ? dayLabel(label) : label)}
          formatter={(value, _name, item) => (item.dataKey === 'serviceLevel' ? figures.percent(typeof value === 'number' ? value / 100 : null) : figures.duration(typeof value === 'number' ? value : null))}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="asa" dataKey="asa" name={t('asa')} fill={BRAND} fillOpacity={0.35} maxBarSize={28} isAnimationActive={false} />
        <Line yAxisId="sl" dataKey="serviceLevel" name={t('serviceLevel')} stroke={LINE} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </ChartFrame>
  );
}

/** How many ratings of 1, 2, 3, 4 and 5 the period's chats got. */
export function RatingsChart({ distribution }: { distribution: readonly number[] }) {
  const t = useTranslations('dashboard.charts');
  const data = distribution.map((count, i) => ({ rating: String(i + 1), count }));
  return (
    <ChartFrame title={t('ratings')} testId="chart-ratings">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="rating" tick={AXIS} />
        <YAxis allowDecimals={false} tick={AXIS} width={48} />
        <Tooltip labelFormatter={(label) => t('ratingLabel', { rating: String(label) })} />
        <Bar dataKey="count" name={t('ratingsCount')} fill={BRAND} maxBarSize={56} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}

/** Arrivals per day in each hour of the day (bars) and that hour's service level (%, line). */
export function HourChart({ hours, figures }: { hours: MetricsOverview['byHour']; figures: Figures }) {
  const t = useTranslations('dashboard.charts');
  const data = hours.map((h) => ({ hour: h.hour, arrivals: Math.round(h.arrivalsPerDay * 10) / 10, serviceLevel: asPercent(h.serviceLevel) }));
  return (
    <ChartFrame title={t('byHour')} testId="chart-by-hour">
      <ComposedChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -8 }}>
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis dataKey="hour" tick={AXIS} interval={2} />
        <YAxis yAxisId="arrivals" tick={AXIS} width={48} />
        <YAxis yAxisId="sl" orientation="right" domain={[0, 100]} unit="%" tick={AXIS} width={44} />
        <Tooltip
          labelFormatter={(label) => t('hourLabel', { hour: String(label).padStart(2, '0') })}
          formatter={(value, _name, item) => (item.dataKey === 'serviceLevel' ? figures.percent(typeof value === 'number' ? value / 100 : null) : figures.decimal(typeof value === 'number' ? value : null))}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="arrivals" dataKey="arrivals" name={t('arrivalsPerDay')} fill={BRAND} isAnimationActive={false} />
        <Line yAxisId="sl" dataKey="serviceLevel" name={t('serviceLevel')} stroke={LINE} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </ChartFrame>
  );
}
