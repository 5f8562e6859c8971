'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useErrorText } from '../../_components/error-text';
import { useTRPC } from '../../_components/trpc-provider';
import type { MetricsOverview } from '@/server/metrics/overview';
import { FigureTable } from './figure-table';
import { FigureTile } from './figure-tile';
import { isValidPeriod, type Period } from './period';
import { PeriodFilter, type PeriodDraft } from './period-filter';
import { RequestsSection } from './requests-section';
import { StaffingCalculator } from './staffing-calculator';
import { useFigures, type Figures } from './use-figures';

/** The charts' box while recharts (the largest part of this page) loads: as tall as a chart (charts.tsx's ChartFrame). */
function ChartPlaceholder() {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-3" aria-hidden>
      <div className="mb-2 h-5" />
      <div style={{ height: 260 }} />
    </div>
  );
}

// Recharts is fetched only here, in its own chunk, once the figures have arrived (React.lazy: the
// charts are never rendered on the server, and next/dynamic would add its own code to the page).
const DayChart = lazy(() => import('./charts').then((m) => ({ default: m.DayChart })));
const HourChart = lazy(() => import('./charts').then((m) => ({ default: m.HourChart })));
const RatingsChart = lazy(() => import('./charts').then((m) => ({ default: m.RatingsChart })));

const toDraft = (p: Period): PeriodDraft => ({ from: p.from, to: p.to, threshold: String(p.thresholdSeconds) });
const fromDraft = (d: PeriodDraft): Period => ({ from: d.from, to: d.to, thresholdSeconds: d.threshold.trim() === '' ? Number.NaN : Number(d.threshold) });

/**
 * The service-level dashboard: a period, its headline figures, charts per day / rating / hour,
 * tables per operator, dealer company, back-office employee and point of sale, and the staffing
 * calculator. The period lives in the address, so a reload or a shared link shows the same.
 */
export function Dashboard({ initial }: { initial: Period }) {
  const t = useTranslations('dashboard');
  const trpc = useTRPC();
  const errorText = useErrorText();
  const figures = useFigures();
  const [draft, setDraft] = useState<PeriodDraft>(() => toDraft(initial));
  const [period, setPeriod] = useState<Period>(initial);
  const valid = isValidPeriod(fromDraft(draft));
  const overview = useQuery({ ...trpc.metrics.overview.queryOptions(period), placeholderData: keepPreviousData });

  const change = (patch: Partial<PeriodDraft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (isValidPeriod(fromDraft(next))) setPeriod(fromDraft(next));
  };

  useEffect(() => {
    const search = new URLSearchParams({ from: period.from, to: period.to, threshold: String(period.thresholdSeconds) });
    window.history.replaceState(window.history.state, '', `?${search}`);
  }, [period]);

  const data = overview.data;
  return (
    <div className="flex flex-col gap-6">
      <PeriodFilter draft={draft} shown={period} valid={valid} onChange={change} />
      {overview.isError && <p className="text-red-700">{errorText(overview.error)}</p>}
      {!data ? (
        // Keeps the place of the tiles while the first figures load, so the page does not jump.
        <div className="grid min-h-96 place-items-center rounded-lg border border-dashed border-slate-300 text-slate-500">{t('loading')}</div>
      ) : (
        <div
          className={`flex flex-col gap-6 transition-opacity ${overview.isPlaceholderData ? 'opacity-60' : ''}`}
          data-testid="dashboard-figures"
          data-period={`${data.period.from}..${data.period.to}`}
          data-threshold={data.period.thresholdSeconds}
          aria-busy={overview.isPlaceholderData}
        >
          <ChatSection data={data} figures={figures} />
          <BackOfficeSection data={data} figures={figures} />
          <RequestsSection data={data} figures={figures} />
          <StaffingCalculator key={`${data.staffing.arrivalsPerHour}|${data.staffing.ahtSeconds}|${data.staffing.concurrency}|${data.period.thresholdSeconds}`} staffing={data.staffing} thresholdSeconds={data.period.thresholdSeconds} figures={figures} />
        </div>
      )}
    </div>
  );
}

function ChatSection({ data, figures: f }: { data: MetricsOverview; figures: Figures }) {
  const t = useTranslations('dashboard');
  const c = data.chats;
  const atOnce = data.byOperator.map((o) => o.concurrencyAverage).filter((v): v is number => v !== null);
  const atOnceAverage = atOnce.length ? atOnce.reduce((s, v) => s + v, 0) / atOnce.length : null;
  const atOncePeak = data.byOperator.length ? Math.max(...data.byOperator.map((o) => o.concurrencyPeak)) : null;
  const resolved = c.answered + c.abandoned;

  return (
    <section className="flex flex-col gap-4" aria-labelledby="chats-heading">
      <h2 id="chats-heading" className="text-lg font-semibold">
        {t('sections.chats')}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="chat-tiles">
        <FigureTile testId="tile-arrived" label={t('tiles.arrived')} value={f.count(c.arrived)} detail={t('tiles.arrivedDetail', { answered: c.answered, abandoned: c.abandoned, waiting: c.waiting })} />
        <FigureTile testId="tile-service-level" label={t('tiles.serviceLevel', { seconds: data.period.thresholdSeconds })} value={f.percent(c.serviceLevel)} detail={resolved ? t('tiles.serviceLevelDetail', { within: c.answeredWithinThreshold, resolved }) : undefined} />
        <FigureTile testId="tile-asa" label={t('tiles.asa')} value={f.duration(c.asa.mean)} detail={c.asa.mean === null ? undefined : t('tiles.asaDetail', { p50: f.duration(c.asa.p50), p90: f.duration(c.asa.p90), p99: f.duration(c.asa.p99) })} />
        <FigureTile testId="tile-answered" label={t('tiles.answered')} value={f.percent(c.answeredShare)} detail={resolved ? t('tiles.answeredDetail', { answered: c.answered, resolved }) : undefined} />
        <FigureTile
          testId="tile-abandoned"
          label={t('tiles.abandoned')}
          value={f.percent(c.abandonedShare)}
          detail={c.abandoned ? t('tiles.abandonedDetail', { count: c.abandoned, time: f.duration(c.timeToAbandon.mean) }) : undefined}
          tone={(c.abandonedShare ?? 0) > 0.1 ? 'alert' : 'plain'}
        />
        <FigureTile testId="tile-csat" label={t('tiles.csat')} value={c.ratings.mean === null ? f.decimal(null) : t('tiles.csatValue', { value: f.decimal(c.ratings.mean, 2) })} detail={c.ratings.count ? t('tiles.csatDetail', { count: c.ratings.count, rate: f.percent(c.ratings.responseRate) }) : undefined} />
        <FigureTile testId="tile-satisfied" label={t('tiles.satisfied')} value={f.percent(c.ratings.satisfiedShare)} />
        <FigureTile testId="tile-concurrency" label={t('tiles.concurrency')} value={atOncePeak === null ? f.decimal(null) : t('tiles.concurrencyValue', { average: f.decimal(atOnceAverage), peak: atOncePeak })} detail={t('tiles.concurrencyDetail')} />
        <FigureTile testId="tile-handle" label={t('tiles.handle')} value={f.duration(c.handleTime.mean)} detail={c.handleTime.count ? t('tiles.handleDetail', { p50: f.duration(c.handleTime.p50), count: c.handleTime.count }) : undefined} />
      </dl>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Suspense fallback={<ChartPlaceholder />}>
          <DayChart days={data.byDay} figures={f} />
        </Suspense>
        <Suspense fallback={<ChartPlaceholder />}>
          <HourChart hours={data.byHour} figures={f} />
        </Suspense>
        <Suspense fallback={<ChartPlaceholder />}>
          <RatingsChart distribution={c.ratings.distribution} />
        </Suspense>
      </div>

      <FigureTable
        title={t('tables.byClass')}
        testId="table-classes"
        rows={data.byClass}
        rowKey={(k) => k.class}
        columns={[
          { label: t('columns.class'), cell: (k) => t(`classes.${k.class}`) },
          { label: t('columns.arrived'), cell: (k) => f.count(k.figures.arrived), numeric: true },
          { label: t('columns.answered'), cell: (k) => f.count(k.figures.answered), numeric: true },
          { label: t('columns.classTarget'), cell: (k) => (k.targetSeconds === null ? t('columns.ownTargets') : f.duration(k.targetSeconds)), numeric: true },
          { label: t('columns.serviceLevel'), cell: (k) => f.percent(k.figures.serviceLevel), numeric: true },
          { label: t('columns.asa'), cell: (k) => f.duration(k.figures.asa.mean), numeric: true },
          { label: t('columns.abandoned'), cell: (k) => f.percent(k.figures.abandonedShare), numeric: true },
          { label: t('columns.handle'), cell: (k) => f.duration(k.figures.handleTime.mean), numeric: true },
          { label: t('columns.csat'), cell: (k) => f.decimal(k.figures.ratings.mean, 2), numeric: true },
        ]}
      />
      <FigureTable
        title={t('tables.byOperator')}
        testId="table-operators"
        rows={data.byOperator}
        rowKey={(o) => o.operatorId}
        columns={[
          { label: t('columns.operator'), cell: (o) => o.name },
          { label: t('columns.answered'), cell: (o) => f.count(o.answered), numeric: true },
          { label: t('columns.handle'), cell: (o) => f.duration(o.handleMean), numeric: true },
          { label: t('columns.atOnce'), cell: (o) => `${f.decimal(o.concurrencyAverage)} / ${o.concurrencyPeak}`, numeric: true },
          { label: t('columns.csat'), cell: (o) => f.decimal(o.csat, 2), numeric: true },
          { label: t('columns.satisfied'), cell: (o) => f.percent(o.satisfiedShare), numeric: true },
          { label: t('columns.ratings'), cell: (o) => f.count(o.ratings), numeric: true },
        ]}
      />
      <FigureTable
        title={t('tables.byDealer')}
        testId="table-dealers"
        rows={data.byDealer}
        rowKey={(d) => d.dealerId}
        columns={[
          { label: t('columns.dealer'), cell: (d) => d.name },
          { label: t('columns.arrived'), cell: (d) => f.count(d.arrived), numeric: true },
          { label: t('columns.serviceLevel'), cell: (d) => f.percent(d.serviceLevel), numeric: true },
          { label: t('columns.answeredShare'), cell: (d) => f.percent(d.answeredShare), numeric: true },
          { label: t('columns.asa'), cell: (d) => f.duration(d.asaMean), numeric: true },
          { label: t('columns.csat'), cell: (d) => f.decimal(d.csat, 2), numeric: true },
        ]}
      />
    </section>
  );
}

function BackOfficeSection({ data, figures: f }: { data: MetricsOverview; figures: Figures }) {
  const t = useTranslations('dashboard');
  const b = data.backOffice;
  return (
    <section className="flex flex-col gap-4" aria-labelledby="backoffice-heading">
      <h2 id="backoffice-heading" className="text-lg font-semibold">
        {t('sections.backOffice')}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="backoffice-tiles">
        <FigureTile testId="tile-decided" label={t('tiles.decided')} value={f.count(b.decided)} detail={t('tiles.decidedDetail', { submitted: b.submitted, approved: b.approved, rejected: b.rejected })} />
        <FigureTile testId="tile-approval" label={t('tiles.approvalRate')} value={f.percent(b.approvalRate)} />
        <FigureTile testId="tile-decision-time" label={t('tiles.decisionTime')} value={f.duration(b.decisionTime.p50)} detail={b.decisionTime.p90 === null ? undefined : t('tiles.decisionTimeDetail', { p90: f.duration(b.decisionTime.p90) })} />
        <FigureTile testId="tile-queue-now" label={t('tiles.queueNow')} value={f.count(b.queueNow.count)} detail={b.queueNow.oldest === null ? undefined : t('tiles.queueNowDetail', { oldest: f.duration(b.queueNow.oldest) })} />
      </dl>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <FigureTable
          title={t('tables.byEmployee')}
          testId="table-employees"
          rows={b.byEmployee}
          rowKey={(e) => e.employeeId}
          columns={[
            { label: t('columns.employee'), cell: (e) => e.name },
            { label: t('columns.decided'), cell: (e) => f.count(e.decided), numeric: true },
            { label: t('columns.approved'), cell: (e) => f.count(e.approved), numeric: true },
            { label: t('columns.rejected'), cell: (e) => f.count(e.rejected), numeric: true },
            { label: t('columns.decisionTime'), cell: (e) => f.duration(e.decisionTimeP50), numeric: true },
          ]}
        />
        <FigureTable
          title={t('tables.pointsOfSale')}
          testId="table-points"
          rows={data.pointsOfSale}
          rowKey={(p) => p.pointOfSaleId ?? 'none'}
          columns={[
            { label: t('columns.pointOfSale'), cell: (p) => p.label },
            { label: t('columns.applications'), cell: (p) => f.count(p.applications), numeric: true },
            { label: t('columns.returnedByOperator'), cell: (p) => f.count(p.returnedByOperator), numeric: true },
            { label: t('columns.returnedByBackOffice'), cell: (p) => f.count(p.returnedByBackOffice), numeric: true },
            { label: t('columns.returnedShare'), cell: (p) => f.percent(p.returnedShare), numeric: true },
          ]}
        />
      </div>
    </section>
  );
}
