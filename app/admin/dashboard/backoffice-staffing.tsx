'use client';

import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { useErrorText } from '../../_components/error-text';
import { Panel } from '../../_components/panel';
import { useTRPC } from '../../_components/trpc-provider';
import type { MetricsOverview } from '@/server/metrics/overview';
import type { Figures } from './use-figures';

const DEBOUNCE_MS = 300;
const FIELDS = ['requestsPerDay', 'minutesPerRequest', 'applicationsPerDay', 'minutesPerApplication', 'hoursPerPerson', 'occupancyPercent', 'headcount'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;

/** The calculator's input once every field holds a number in the server's range (server/metrics/backoffice-staffing.ts); null before that. */
export function parseBackOfficeDraft(draft: Draft) {
  const n = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const input = {
    requestsPerDay: n(draft.requestsPerDay),
    minutesPerRequest: n(draft.minutesPerRequest),
    applicationsPerDay: n(draft.applicationsPerDay),
    minutesPerApplication: n(draft.minutesPerApplication),
    hoursPerPerson: n(draft.hoursPerPerson),
    occupancy: n(draft.occupancyPercent) / 100,
    headcount: n(draft.headcount),
  };
  const ok =
    input.requestsPerDay >= 0 &&
    input.requestsPerDay <= 100_000 &&
    input.minutesPerRequest >= 0.1 &&
    input.minutesPerRequest <= 480 &&
    input.applicationsPerDay >= 0 &&
    input.applicationsPerDay <= 100_000 &&
    input.minutesPerApplication >= 0 &&
    input.minutesPerApplication <= 480 &&
    input.hoursPerPerson >= 0.5 &&
    input.hoursPerPerson <= 24 &&
    input.occupancy > 0 &&
    input.occupancy <= 1 &&
    Number.isInteger(input.headcount) &&
    input.headcount >= 0 &&
    input.headcount <= 100_000;
  return ok ? input : null;
}

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Whether the back office's people cover the work of a business day: requests and applications
 * per day (measured in the period) × minutes each (set by the admin) against productive hours per
 * person × occupancy; "needed vs. the head count" (active back-office users). Remount it (a `key`)
 * to pre-fill again from another period.
 */
export function BackOfficeStaffing({ staffing, figures }: { staffing: MetricsOverview['requests']['staffing']; figures: Figures }) {
  const t = useTranslations('requestFigures.staffing');
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft>(() => ({
    requestsPerDay: String(staffing.requestsPerDay),
    minutesPerRequest: String(staffing.minutesPerRequest),
    applicationsPerDay: String(staffing.applicationsPerDay),
    minutesPerApplication: String(staffing.minutesPerApplication),
    hoursPerPerson: String(staffing.hoursPerPerson),
    occupancyPercent: String(Math.round(staffing.occupancy * 100)),
    headcount: String(staffing.headcount),
  }));
  const parsed = parseBackOfficeDraft(draft);
  const settled = useDebounced(parsed ? JSON.stringify(parsed) : '', DEBOUNCE_MS);
  const input = settled ? (JSON.parse(settled) as NonNullable<ReturnType<typeof parseBackOfficeDraft>>) : null;
  const result = useQuery({ ...trpc.metrics.backOfficeStaffing.queryOptions(input ?? skipToken), placeholderData: keepPreviousData });
  const r = result.data;

  return (
    <Panel title={t('title')}>
      <div data-testid="backoffice-staffing">
        <p className="mb-3 text-sm text-slate-600">{t('prefilled', { days: staffing.businessDays, requests: staffing.requestsPerDay, applications: staffing.applicationsPerDay })}</p>
        <form className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-7" onSubmit={(e) => e.preventDefault()}>
          {FIELDS.map((field) => (
            <label key={field} className="flex flex-col gap-1">
              {t(`fields.${field}`)}
              <input
                type="number"
                inputMode="decimal"
                value={draft[field]}
                onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
                min={0}
                step="any"
                className="w-full rounded border border-slate-300 px-2"
                data-testid={`backoffice-staffing-${field}`}
              />
            </label>
          ))}
        </form>
        {!parsed && (
          <p className="mt-2 text-sm text-red-700" role="status">
            {t('invalid')}
          </p>
        )}
        {result.isError && <p className="mt-2 text-sm text-red-700">{errorText(result.error)}</p>}
        <div className="mt-4 flex flex-wrap items-baseline gap-x-3 gap-y-1" aria-live="polite">
          <span className="text-slate-600">{t('needed')}</span>
          <span className={`text-3xl font-semibold tabular-nums ${r && !r.enough ? 'text-red-700' : ''}`} data-testid="backoffice-staffing-needed">
            {r ? t('neededVs', { needed: r.peopleNeeded, headcount: r.headcount }) : '…'}
          </span>
          {r && (
            <span className="text-sm text-slate-600" data-testid="backoffice-staffing-verdict">
              {r.enough ? t('enough', { spare: r.spare }) : t('short', { missing: -r.spare })}
            </span>
          )}
        </div>
        {r && (
          <p className="mt-2 text-sm text-slate-600">
            {t('workload', {
              hours: figures.decimal(r.workloadHours),
              requestHours: figures.decimal(r.requestHours),
              applicationHours: figures.decimal(r.applicationHours),
              perPerson: figures.decimal(r.hoursPerPersonEffective),
              utilisation: figures.percent(r.utilisation),
            })}
          </p>
        )}
        <p className="mt-3 text-sm text-slate-600">{t('model')}</p>
      </div>
    </Panel>
  );
}
