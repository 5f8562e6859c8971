'use client';

import { useLocale, useTranslations } from 'next-intl';
import { lazy, Suspense } from 'react';
import type { MetricsOverview } from '@/server/metrics/overview';
import { BackOfficeStaffing } from './backoffice-staffing';
import { FigureTable, type Column } from './figure-table';
import { FigureTile } from './figure-tile';
import type { Figures } from './use-figures';

const BacklogChart = lazy(() => import('./request-charts').then((m) => ({ default: m.BacklogChart })));
const RequestTimesChart = lazy(() => import('./request-charts').then((m) => ({ default: m.RequestTimesChart })));

function ChartPlaceholder() {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-3" aria-hidden>
      <div className="mb-2 h-5" />
      <div style={{ height: 260 }} />
    </div>
  );
}

type Requests = MetricsOverview['requests'];
type Row = Requests['total'];
type Labelled = Row & { key: string; label: string };

/**
 * Subscribers' written requests in the period (server/metrics/request-metrics.ts): first response
 * and resolution in business hours of the back office's calendar, the share within each
 * category's target, the backlog now by age, reopen rate and satisfaction; per category and per
 * employee; and whether the back office's head count covers the work.
 */
export function RequestsSection({ data, figures: f }: { data: MetricsOverview; figures: Figures }) {
  const t = useTranslations('requestFigures');
  const locale = useLocale();
  const r = data.requests;
  const total = r.total;
  const bh = (seconds: number | null) => (seconds === null ? f.decimal(null) : t('hoursValue', { hours: f.decimal(seconds / 3600) }));
  const columns = (first: Column<Labelled>): Column<Labelled>[] => [
    first,
    { label: t('columns.received'), cell: (x: Row) => f.count(x.received), numeric: true },
    { label: t('columns.firstResponse'), cell: (x: Row) => `${bh(x.firstResponse.p50)} / ${bh(x.firstResponse.p90)}`, numeric: true },
    { label: t('columns.firstWithin'), cell: (x: Row) => f.percent(x.firstResponse.share), numeric: true },
    { label: t('columns.resolution'), cell: (x: Row) => `${bh(x.resolution.p50)} / ${bh(x.resolution.p90)}`, numeric: true },
    { label: t('columns.resolutionWithin'), cell: (x: Row) => f.percent(x.resolution.share), numeric: true },
    { label: t('columns.reopenRate'), cell: (x: Row) => f.percent(x.reopenRate), numeric: true },
    { label: t('columns.csat'), cell: (x: Row) => (x.satisfaction.count ? `${f.decimal(x.satisfaction.mean, 2)} (${x.satisfaction.count})` : f.decimal(null)), numeric: true },
    { label: t('columns.backlog'), cell: (x: Row) => `${x.backlog.total} · ${x.backlog.under4h}/${x.backlog.h4to8}/${x.backlog.d1to2}/${x.backlog.older}`, numeric: true },
  ];
  const categories = r.byCategory.map((c) => ({ ...c, key: c.category, label: locale === 'en' ? c.nameEn : c.nameUk }));
  const employees = r.byEmployee.map((e) => ({ ...e, key: e.employeeId ?? 'none', label: e.name ?? t('unassigned') }));

  return (
    <section className="flex flex-col gap-4" aria-labelledby="requests-heading" data-testid="request-figures">
      <h2 id="requests-heading" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-600">{t('intro')}</p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="request-tiles">
        <FigureTile testId="tile-requests-received" label={t('tiles.received')} value={f.count(total.received)} detail={t('tiles.receivedDetail', { answered: total.answered, resolved: total.resolved })} />
        <FigureTile testId="tile-requests-first" label={t('tiles.firstResponse')} value={bh(total.firstResponse.p50)} detail={total.firstResponse.p90 === null ? undefined : t('tiles.p90', { p90: bh(total.firstResponse.p90) })} />
        <FigureTile
          testId="tile-requests-first-within"
          label={t('tiles.firstWithin')}
          value={f.percent(total.firstResponse.share)}
          detail={total.firstResponse.counted ? t('tiles.withinDetail', { within: total.firstResponse.within, counted: total.firstResponse.counted }) : undefined}
          tone={total.firstResponse.share !== null && total.firstResponse.share < 0.9 ? 'alert' : 'plain'}
        />
        <FigureTile testId="tile-requests-resolution" label={t('tiles.resolution')} value={bh(total.resolution.p50)} detail={total.resolution.p90 === null ? undefined : t('tiles.p90', { p90: bh(total.resolution.p90) })} />
        <FigureTile
          testId="tile-requests-resolution-within"
          label={t('tiles.resolutionWithin')}
          value={f.percent(total.resolution.share)}
          detail={total.resolution.counted ? t('tiles.withinDetail', { within: total.resolution.within, counted: total.resolution.counted }) : undefined}
          tone={total.resolution.share !== null && total.resolution.share < 0.9 ? 'alert' : 'plain'}
        />
        <FigureTile testId="tile-requests-backlog" label={t('tiles.backlog')} value={f.count(total.backlog.total)} detail={t('tiles.backlogDetail', { older: total.backlog.older })} tone={total.backlog.older > 0 ? 'alert' : 'plain'} />
        <FigureTile testId="tile-requests-reopen" label={t('tiles.reopenRate')} value={f.percent(total.reopenRate)} detail={total.reopened ? t('tiles.reopenDetail', { count: total.reopened }) : undefined} />
        <FigureTile testId="tile-requests-csat" label={t('tiles.csat')} value={total.satisfaction.mean === null ? f.decimal(null) : t('tiles.csatValue', { value: f.decimal(total.satisfaction.mean, 2) })} detail={total.satisfaction.count ? t('tiles.csatDetail', { count: total.satisfaction.count }) : undefined} />
      </dl>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Suspense fallback={<ChartPlaceholder />}>
          <RequestTimesChart requests={r} figures={f} />
        </Suspense>
        <Suspense fallback={<ChartPlaceholder />}>
          <BacklogChart requests={r} />
        </Suspense>
      </div>
      <p className="text-xs text-slate-500">{t('bandsNote')}</p>
      <FigureTable title={t('tables.byCategory')} testId="table-request-categories" rows={categories} rowKey={(c) => c.key} columns={columns({ label: t('columns.category'), cell: (c) => c.label })} />
      <FigureTable title={t('tables.byEmployee')} testId="table-request-employees" rows={employees} rowKey={(e) => e.key} columns={columns({ label: t('columns.employee'), cell: (e) => e.label })} />
      <BackOfficeStaffing key={`${r.staffing.requestsPerDay}|${r.staffing.applicationsPerDay}|${r.staffing.headcount}`} staffing={r.staffing} figures={f} />
    </section>
  );
}
