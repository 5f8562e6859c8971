'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { QueueInput } from '@/server/backoffice/queue';
import { useErrorText } from '../_components/error-text';
import { ListSkeleton } from '../_components/skeleton';
import { useText } from '../_components/application/use-text';
import { useTRPC } from '../_components/trpc-provider';
import { formatWait } from './format-wait';
import { Table } from '../_components/table';

const PAGE = 50;
const VIEWS = ['open', 'submitted', 'disputed', 'approved', 'rejected'] as const;

/** The queue: oldest first, filters, counters, who holds what; refreshed every 15 seconds. */
export function BackOfficeQueue() {
  const t = useTranslations('backoffice');
  const status = useTranslations('application.status');
  const guard = useTranslations('simGuard.backoffice');
  const text = useText();
  const format = useFormatter();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [filters, setFilters] = useState<QueueInput>({ view: 'open' });
  const [page, setPage] = useState(0);
  const [search, setSearch] = useState('');
  // The search goes to the server once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => {
      const value = search.trim() || undefined;
      setFilters((f) => (f.search === value ? f : { ...f, search: value }));
      setPage(0);
    }, 300);
    return () => clearTimeout(timer);
  }, [search]);
  const options = useQuery(trpc.backoffice.filterOptions.queryOptions());
  const queue = useQuery({ ...trpc.backoffice.queue.queryOptions({ ...filters, limit: PAGE, offset: page * PAGE }), refetchInterval: 15_000, placeholderData: keepPreviousData });
  const set = (patch: Partial<QueueInput>) => {
    setPage(0);
    setFilters((f) => ({ ...f, ...patch }));
  };
  const counters = queue.data?.counters;
  const templates = new Map(options.data?.templates.map((tpl) => [tpl.id, tpl.title]));

  return (
    <div className="flex flex-col gap-4">
      {counters && (
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="queue-counters">
          <Tile label={t('counters.submitted')} value={counters.submitted} />
          <Tile label={t('counters.disputed')} value={counters.disputed} alert={counters.disputed > 0} />
          <Tile label={t('counters.awaitingSubscriber')} value={counters.awaitingSubscriber} />
          <Tile label={t('counters.mine')} value={counters.mine} />
          <Tile label={t('counters.oldest')} value={counters.submitted > 0 ? formatWait(counters.oldestWaitMs, t) : '—'} />
        </dl>
      )}
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" onSubmit={(e) => e.preventDefault()} data-testid="queue-filters">
        <label className="flex min-w-64 flex-1 flex-col gap-1">
          {t('searchLabel')}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={100} placeholder={t('searchPlaceholder')} className="rounded border border-slate-300 px-2" data-testid="queue-search" />
        </label>
        <Select label={t('filters.view')} value={filters.view ?? 'open'} onChange={(v) => set({ view: v as QueueInput['view'] })} options={VIEWS.map((v) => ({ value: v, label: t(`views.${v}`) }))} />
        <Select label={t('filters.template')} value={filters.templateId ?? ''} onChange={(v) => set({ templateId: v || undefined })} options={[{ value: '', label: t('filters.all') }, ...(options.data?.templates ?? []).map((tpl) => ({ value: tpl.id, label: text(tpl.title) }))]} />
        <Select
          label={t('filters.dealer')}
          value={filters.dealerId ?? ''}
          onChange={(v) => set({ dealerId: v || undefined, pointOfSaleId: undefined })}
          options={[{ value: '', label: t('filters.all') }, ...(options.data?.dealers ?? []).map((d) => ({ value: d.id, label: d.name }))]}
        />
        <Select
          label={t('filters.pointOfSale')}
          value={filters.pointOfSaleId ?? ''}
          onChange={(v) => set({ pointOfSaleId: v || undefined })}
          options={[
            { value: '', label: t('filters.all') },
            ...(options.data?.pointsOfSale ?? []).filter((p) => !filters.dealerId || p.dealerId === filters.dealerId).map((p) => ({ value: p.id, label: p.label })),
          ]}
        />
        <label className="flex flex-col gap-1">
          {t('filters.from')}
          <input type="date" value={filters.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} className="rounded border border-slate-300 px-2" />
        </label>
        <label className="flex flex-col gap-1">
          {t('filters.to')}
          <input type="date" value={filters.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} className="rounded border border-slate-300 px-2" />
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={filters.sensitiveOnly ?? false} onChange={(e) => set({ sensitiveOnly: e.target.checked })} />
          {t('filters.sensitiveOnly')}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={filters.awaitingSubscriber ?? false} onChange={(e) => set({ awaitingSubscriber: e.target.checked })} />
          {t('filters.awaitingSubscriber')}
        </label>
      </form>
      {queue.isError && <p className="text-red-700">{errorText(queue.error)}</p>}
      {queue.isPending && <ListSkeleton rows={6} testId="queue-skeleton" />}
      {queue.data && queue.data.items.length === 0 && <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-500">{t('empty')}</p>}
      {queue.data && queue.data.items.length > 0 && (
        <Table
          testId="queue"
          frameClassName="overflow-x-auto rounded-lg border border-slate-200 bg-white"
          columns={[t('columns.number'), t('subscriberColumn'), t('columns.template'), t('columns.dealer'), t('columns.submitted'), t('columns.waited'), t('columns.flags'), t('columns.claim')].map((label) => ({ label, className: 'p-2' }))}
        >
              {queue.data.items.map((item) => (
                <tr key={item.id} className={`border-t border-slate-100 ${item.status === 'disputed' ? 'bg-red-50' : ''}`} data-testid="queue-row" data-status={item.status}>
                  <td className="whitespace-nowrap p-2">
                    <Link href={`/backoffice/applications/${item.id}`} className="font-medium text-brand-700 underline">
                      {item.number}
                    </Link>
                  </td>
                  <td className="p-2" data-testid="queue-subscriber">
                    {item.subscriberName ?? '—'}
                  </td>
                  <td className="p-2">{templates.get(item.templateId) ? text(templates.get(item.templateId) ?? { uk: '', en: '' }) : item.templateId}</td>
                  <td className="p-2">
                    {item.dealerName}
                    {item.pointOfSale && <div className="text-xs text-slate-500">{item.pointOfSale}</div>}
                  </td>
                  <td className="p-2">{item.submittedAt ? format.dateTime(item.submittedAt, { dateStyle: 'short', timeStyle: 'short' }) : '—'}</td>
                  <td className="p-2">{['submitted', 'disputed'].includes(item.status) ? formatWait(item.waitedMs, t) : status(item.status)}</td>
                  <td className="flex flex-wrap gap-1 p-2">
                    {item.status === 'disputed' && <Flag tone="bad" text={t('flags.disputed')} />}
                    {item.sensitive && <Flag tone="warn" text={t('flags.sensitive')} />}
                    {item.sensitive &&
                      item.status === 'submitted' &&
                      (item.subscriberConfirmedAt ? (
                        <Flag tone="good" text={t('flags.confirmed')} />
                      ) : item.waitingLeftMs === null ? (
                        <Flag tone="warn" text={t('flags.awaiting')} />
                      ) : item.waitingLeftMs > 0 ? (
                        <Flag tone="warn" text={guard('waitingLeft', { left: formatWait(item.waitingLeftMs, t) })} />
                      ) : (
                        <Flag tone="good" text={guard('waitedOut')} />
                      ))}
                  </td>
                  <td className="p-2">{item.claimedByName ?? '—'}</td>
                </tr>
              ))}
            </Table>
      )}
      {queue.data && queue.data.total > PAGE && (
        <div className="flex items-center gap-3 text-sm">
          <button type="button" className="rounded border border-slate-300 px-3" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            ←
          </button>
          <span>{t('page', { from: page * PAGE + 1, to: Math.min((page + 1) * PAGE, queue.data.total), total: queue.data.total })}</span>
          <button type="button" className="rounded border border-slate-300 px-3" disabled={(page + 1) * PAGE >= queue.data.total} onClick={() => setPage((p) => p + 1)}>
            →
          </button>
        </div>
      )}
    </div>
  );
}

function Tile({ label, value, alert = false }: { label: string; value: number | string; alert?: boolean }) {
  return (
    <div className={`rounded-lg border p-3 ${alert ? 'border-red-300 bg-red-50' : 'border-slate-200 bg-white'}`}>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-2xl font-semibold">{value}</dd>
    </div>
  );
}

function Flag({ text, tone }: { text: string; tone: 'bad' | 'warn' | 'good' }) {
  const tones = { bad: 'bg-red-100 text-red-900', warn: 'bg-amber-100 text-amber-900', good: 'bg-green-100 text-green-900' };
  return <span className={`rounded px-1.5 py-0.5 text-xs ${tones[tone]}`}>{text}</span>;
}

function Select({ label, value, onChange, options }: { label: string; value: string; onChange: (value: string) => void; options: { value: string; label: string }[] }) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} className="max-w-56 rounded border border-slate-300 px-2">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
