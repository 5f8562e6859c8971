'use client';

import { useTranslations } from 'next-intl';
import { csvHref, lastDays, type Period } from './period';

export interface PeriodDraft {
  from: string;
  to: string;
  threshold: string;
}

/**
 * From / to days, quick ranges ending today (Kyiv), the answer threshold, and the CSV of the
 * period shown. The draft may be half-typed; the figures follow only a valid period.
 */
export function PeriodFilter({ draft, shown, valid, onChange }: { draft: PeriodDraft; shown: Period; valid: boolean; onChange: (patch: Partial<PeriodDraft>) => void }) {
  const t = useTranslations('dashboard.period');
  const quick = (days: number) => onChange(lastDays(days));
  const quickRange = (days: number) => {
    const range = lastDays(days);
    return draft.from === range.from && draft.to === range.to;
  };
  const quickClass = (active: boolean) => `rounded px-3 ${active ? 'bg-brand-600 text-white' : 'border border-slate-300 bg-white hover:bg-slate-50'}`;

  return (
    <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" onSubmit={(e) => e.preventDefault()} data-testid="period-filter" aria-label={t('legend')}>
      <label className="flex flex-col gap-1">
        {t('from')}
        <input type="date" value={draft.from} max={draft.to || undefined} onChange={(e) => onChange({ from: e.target.value })} className="rounded border border-slate-300 px-2" />
      </label>
      <label className="flex flex-col gap-1">
        {t('to')}
        <input type="date" value={draft.to} min={draft.from || undefined} onChange={(e) => onChange({ to: e.target.value })} className="rounded border border-slate-300 px-2" />
      </label>
      <div className="flex gap-2" role="group" aria-label={t('quick')}>
        <button type="button" className={quickClass(quickRange(1))} onClick={() => quick(1)}>
          {t('today')}
        </button>
        <button type="button" className={quickClass(quickRange(7))} onClick={() => quick(7)}>
          {t('days7')}
        </button>
        <button type="button" className={quickClass(quickRange(30))} onClick={() => quick(30)}>
          {t('days30')}
        </button>
      </div>
      <label className="flex flex-col gap-1">
        {t('threshold')}
        <input type="number" inputMode="numeric" min={1} max={3600} step={1} value={draft.threshold} onChange={(e) => onChange({ threshold: e.target.value })} className="w-24 rounded border border-slate-300 px-2" />
      </label>
      <a href={csvHref(shown)} download className="ml-auto inline-flex min-h-11 items-center rounded border border-brand-600 px-3 font-medium text-brand-700 hover:bg-brand-50" data-testid="csv-link">
        {t('csv')}
      </a>
      {!valid && (
        <p className="w-full text-red-700" role="status">
          {t('invalid')}
        </p>
      )}
    </form>
  );
}
