'use client';

import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useErrorText } from '../../_components/error-text';
import { Panel } from '../../_components/panel';
import { useTRPC } from '../../_components/trpc-provider';
import type { MetricsOverview } from '@/server/metrics/overview';
import type { Figures } from './use-figures';
import { Table } from '../../_components/table';

const DEFAULT_TARGET_PERCENT = 80;
const DEBOUNCE_MS = 300;

interface Draft {
  arrivalsPerHour: string;
  ahtSeconds: string;
  concurrency: string;
  targetPercent: string;
  thresholdSeconds: string;
}

/** The calculator's input once every field holds a number in the server's range; null before that. */
function parse(draft: Draft) {
  const n = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const input = {
    arrivalsPerHour: n(draft.arrivalsPerHour),
    ahtSeconds: n(draft.ahtSeconds),
    concurrency: n(draft.concurrency),
    targetServiceLevel: n(draft.targetPercent) / 100,
    thresholdSeconds: n(draft.thresholdSeconds),
  };
  const ok =
    input.arrivalsPerHour >= 0 &&
    input.arrivalsPerHour <= 100_000 &&
    input.ahtSeconds >= 1 &&
    input.ahtSeconds <= 86_400 &&
    Number.isInteger(input.concurrency) &&
    input.concurrency >= 1 &&
    input.concurrency <= 20 &&
    input.targetServiceLevel > 0 &&
    input.targetServiceLevel < 1 &&
    Number.isInteger(input.thresholdSeconds) &&
    input.thresholdSeconds >= 1 &&
    input.thresholdSeconds <= 3600;
  return ok ? input : null;
}

/** The value, once it has stayed the same for `ms` (a string, so that equal values compare equal). */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Erlang C with concurrency (server/metrics/erlang-c.ts): how many operators a target service
 * level needs, pre-filled from the period's busiest hour, its measured handle time and the
 * operators' capacity. Remount it (a `key`) to pre-fill again from another period.
 */
export function StaffingCalculator({ staffing, thresholdSeconds, figures }: { staffing: MetricsOverview['staffing']; thresholdSeconds: number; figures: Figures }) {
  const t = useTranslations('dashboard.staffing');
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft>(() => ({
    arrivalsPerHour: String(staffing.arrivalsPerHour),
    ahtSeconds: String(staffing.ahtSeconds),
    concurrency: String(staffing.concurrency),
    targetPercent: String(DEFAULT_TARGET_PERCENT),
    thresholdSeconds: String(thresholdSeconds),
  }));
  const parsed = parse(draft);
  const settled = useDebounced(parsed ? JSON.stringify(parsed) : '', DEBOUNCE_MS);
  const input = settled ? (JSON.parse(settled) as NonNullable<ReturnType<typeof parse>>) : null;
  const result = useQuery({ ...trpc.metrics.staffing.queryOptions(input ?? skipToken), placeholderData: keepPreviousData });
  const set = (key: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  const concurrency = input?.concurrency ?? staffing.concurrency;
  // A target beyond what any staffing reaches (the server's search gives up at a bound).
  const unreachable = result.data?.reachable === false;
  const needed = unreachable ? undefined : result.data?.operators;

  return (
    <Panel title={t('title')}>
      <div data-testid="staffing">
        <p className="mb-3 text-sm text-slate-600">
          {staffing.arrivalsPerHour > 0 ? t('prefilled', { hour: String(staffing.peakHour).padStart(2, '0'), arrivals: Math.round(staffing.arrivalsPerHour * 10) / 10 }) : t('prefilledEmpty')}
        </p>
        <form className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-5" onSubmit={(e) => e.preventDefault()}>
          <NumberField label={t('arrivals')} value={draft.arrivalsPerHour} onChange={set('arrivalsPerHour')} min={0} max={100_000} step="any" />
          <NumberField label={t('aht')} value={draft.ahtSeconds} onChange={set('ahtSeconds')} min={1} max={86_400} step="any" />
          <NumberField label={t('concurrency')} value={draft.concurrency} onChange={set('concurrency')} min={1} max={20} step={1} />
          <NumberField label={t('target')} value={draft.targetPercent} onChange={set('targetPercent')} min={1} max={99.9} step="any" />
          <NumberField label={t('threshold')} value={draft.thresholdSeconds} onChange={set('thresholdSeconds')} min={1} max={3600} step={1} />
        </form>
        {!parsed && (
          <p className="mt-2 text-sm text-red-700" role="status">
            {t('invalid')}
          </p>
        )}
        {result.isError && <p className="mt-2 text-sm text-red-700">{errorText(result.error)}</p>}

        <div className="mt-4 flex flex-wrap items-baseline gap-x-3 gap-y-1" aria-live="polite">
          <span className="text-slate-600">{t('needed')}</span>
          <span className="text-3xl font-semibold tabular-nums" data-testid="staffing-operators">
            {unreachable ? '—' : needed === undefined ? '…' : needed}
          </span>
          {needed !== undefined && input && <span className="text-sm text-slate-600">{t('neededDetail', { agents: needed * input.concurrency, target: figures.percent(input.targetServiceLevel), threshold: input.thresholdSeconds })}</span>}
        </div>

        {result.data && result.data.rows.length > 0 && (
          <Table
            testId="staffing-rows"
            frameClassName="mt-3 overflow-x-auto rounded border border-slate-200"
            className="w-full text-right text-sm tabular-nums"
            columns={[{ label: t('columns.operators') }, { label: t('columns.agents') }, { label: t('columns.occupancy') }, { label: t('columns.waitProbability') }, { label: t('columns.serviceLevel') }, { label: t('columns.asa') }]}
          >
                {result.data.rows.map((row) => (
                  <tr key={row.operators} className={`border-t border-slate-100 ${row.operators === needed ? 'bg-brand-50 font-semibold' : ''}`} aria-current={row.operators === needed ? 'true' : undefined}>
                    <td className="p-2">{row.operators}</td>
                    <td className="p-2">{row.agents}</td>
                    <td className="p-2">{figures.percent(row.occupancy)}</td>
                    <td className="p-2">{figures.percent(row.waitProbability)}</td>
                    <td className="p-2">{figures.percent(row.serviceLevel)}</td>
                    <td className="p-2">{figures.duration(row.asaSeconds)}</td>
                  </tr>
                ))}
              </Table>
        )}
        {unreachable && <p className="mt-2 text-sm text-red-700">{t('unreachable')}</p>}
        {result.data && !unreachable && result.data.rows.length === 0 && <p className="mt-2 text-sm text-slate-500">{t('noArrivals')}</p>}

        <ClassStaffing byClass={staffing.byClass} concurrency={concurrency} targetServiceLevel={input?.targetServiceLevel ?? DEFAULT_TARGET_PERCENT / 100} figures={figures} />

        <p className="mt-3 text-sm text-slate-600">{t('concurrencyNote', { k: concurrency })}</p>
        <p className="mt-2 rounded bg-slate-50 p-2 text-sm" data-testid="staffing-now">
          {t('onShift', { operators: staffing.onShift.operators, agents: staffing.onShift.agents, serviceLevel: figures.percent(staffing.expectedServiceLevelNow), threshold: thresholdSeconds, hour: String(staffing.peakHour).padStart(2, '0') })}
        </p>
      </div>
    </Panel>
  );
}

function NumberField({ label, value, onChange, min, max, step }: { label: string; value: string; onChange: (e: React.ChangeEvent<HTMLInputElement>) => void; min: number; max: number; step: number | 'any' }) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <input type="number" inputMode="decimal" value={value} onChange={onChange} min={min} max={max} step={step} className="w-full rounded border border-slate-300 px-2" />
    </label>
  );
}

/**
 * The two classes of chats at the period's busiest hour, each with its own load and target: the
 * operators each needs alone, their sum (operators assigned to one class), and one shared pool
 * (Erlang C on the pooled load with the stricter target; server/metrics/erlang-c.ts).
 */
function ClassStaffing({ byClass, concurrency, targetServiceLevel, figures }: { byClass: MetricsOverview['staffing']['byClass']; concurrency: number; targetServiceLevel: number; figures: Figures }) {
  const t = useTranslations('dashboard.staffing');
  const classes = useTranslations('dashboard.classes');
  const trpc = useTRPC();
  const input = { classes: byClass.map((c) => ({ class: c.class, arrivalsPerHour: c.arrivalsPerHour, ahtSeconds: Math.max(1, c.ahtSeconds), thresholdSeconds: c.targetSeconds })), concurrency, targetServiceLevel };
  const result = useQuery({ ...trpc.metrics.staffingByClass.queryOptions(input), placeholderData: keepPreviousData });
  const needed = (answer: { operators: number; reachable: boolean } | undefined) => (!answer ? '…' : answer.reachable ? String(answer.operators) : '—');
  return (
    <section className="mt-4" data-testid="staffing-by-class">
      <h3 className="text-sm font-medium">{t('byClass.title', { target: figures.percent(targetServiceLevel) })}</h3>
      <Table
        testId="staffing-class-rows"
        frameClassName="mt-2 overflow-x-auto rounded border border-slate-200"
        className="w-full text-right text-sm tabular-nums"
        columns={[{ label: t('byClass.class'), className: 'p-2 text-left font-medium' }, { label: t('arrivals') }, { label: t('byClass.aht') }, { label: t('byClass.target') }, { label: t('columns.operators') }]}
      >
        {byClass.map((c) => (
          <tr key={c.class} className="border-t border-slate-100" data-testid="staffing-class-row">
            <td className="p-2 text-left">{classes(c.class)}</td>
            <td className="p-2">{c.arrivalsPerHour}</td>
            <td className="p-2">{figures.duration(c.ahtSeconds)}</td>
            <td className="p-2">{figures.duration(c.targetSeconds)}</td>
            <td className="p-2">{needed(result.data?.perClass.find((p) => p.class === c.class))}</td>
          </tr>
        ))}
        <tr className="border-t border-slate-200" data-testid="staffing-dedicated">
          <td className="p-2 text-left">{t('byClass.dedicated')}</td>
          <td className="p-2" colSpan={3} />
          <td className="p-2">{needed(result.data?.dedicated)}</td>
        </tr>
        <tr className="border-t border-slate-100 font-semibold" data-testid="staffing-pooled">
          <td className="p-2 text-left">{t('byClass.pooled')}</td>
          <td className="p-2">{result.data ? Math.round(result.data.pooled.arrivalsPerHour * 10) / 10 : ''}</td>
          <td className="p-2">{result.data ? figures.duration(result.data.pooled.ahtSeconds) : ''}</td>
          <td className="p-2">{result.data ? figures.duration(result.data.pooled.thresholdSeconds) : ''}</td>
          <td className="p-2">{needed(result.data?.pooled)}</td>
        </tr>
      </Table>
      <p className="mt-2 text-xs text-slate-600">{t('byClass.note')}</p>
    </section>
  );
}
