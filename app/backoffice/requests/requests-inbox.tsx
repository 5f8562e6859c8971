'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { InboxInput } from '@/server/requests/schemas';
import { useErrorText } from '../../_components/error-text';
import { useNow } from '../../_components/live/offer-layer';
import { DueTime, RequestStatusBadge, SlaFlag } from '../../_components/requests/request-badges';
import { ListSkeleton } from '../../_components/skeleton';
import { Table } from '../../_components/table';
import { useTRPC } from '../../_components/trpc-provider';

const PAGE = 50;
const VIEWS = { active: ['new', 'open', 'waiting'], new: ['new'], open: ['open'], waiting: ['waiting'], resolved: ['resolved'], closed: ['closed'] } as const;
type View = keyof typeof VIEWS;
const ROW_TONE = { late: 'bg-red-50', atRisk: 'bg-amber-50', ok: '', none: '' } as const;

/** The requests' inbox: what is due first on top, filters, the due time and what is left, late and at-risk rows coloured. */
export function RequestsInbox() {
  const t = useTranslations('requests.inbox');
  const locale = useLocale();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const now = useNow();
  const [view, setView] = useState<View>('active');
  const [category, setCategory] = useState('');
  const [assignee, setAssignee] = useState<'me' | 'none' | ''>('');
  const [sla, setSla] = useState<'atRisk' | 'late' | ''>('');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim());
      setPage(0);
    }, 300);
    return () => clearTimeout(timer);
  }, [search]);
  const input: InboxInput = {
    status: [...VIEWS[view]],
    category: category || undefined,
    assignee: assignee || undefined,
    sla: sla || undefined,
    search: query || undefined,
    limit: PAGE,
    offset: page * PAGE,
  };
  const categories = useQuery(trpc.requests.categories.queryOptions(undefined, { staleTime: 300_000 }));
  const inbox = useQuery({ ...trpc.backoffice.requests.list.queryOptions(input), refetchInterval: 15_000, placeholderData: keepPreviousData });
  const names = new Map((categories.data ?? []).map((c) => [c.key, locale === 'en' ? c.nameEn : c.nameUk]));
  const reset = () => setPage(0);

  return (
    <div className="flex flex-col gap-4">
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" onSubmit={(e) => e.preventDefault()} data-testid="requests-filters">
        <label className="flex min-w-56 flex-1 flex-col gap-1">
          {t('search')}
          <input type="search" value={search} maxLength={100} onChange={(e) => setSearch(e.target.value)} className="rounded border border-slate-300 px-2" data-testid="requests-search" />
        </label>
        <Select label={t('view')} value={view} testId="requests-view" onChange={(v) => (setView(v as View), reset())} options={Object.keys(VIEWS).map((v) => ({ value: v, label: t(`views.${v as View}`) }))} />
        <Select label={t('category')} value={category} onChange={(v) => (setCategory(v), reset())} options={[{ value: '', label: t('all') }, ...(categories.data ?? []).map((c) => ({ value: c.key, label: locale === 'en' ? c.nameEn : c.nameUk }))]} />
        <Select
          label={t('assignee')}
          value={assignee}
          testId="requests-assignee"
          onChange={(v) => (setAssignee(v as typeof assignee), reset())}
          options={[
            { value: '', label: t('assignees.all') },
            { value: 'me', label: t('assignees.me') },
            { value: 'none', label: t('assignees.unassigned') },
          ]}
        />
        <Select
          label={t('flag')}
          value={sla}
          testId="requests-sla"
          onChange={(v) => (setSla(v as typeof sla), reset())}
          options={[
            { value: '', label: t('flagsAll') },
            { value: 'atRisk', label: t('flagsAtRisk') },
            { value: 'late', label: t('flagsLate') },
          ]}
        />
      </form>
      {inbox.isError && <p className="text-red-700">{errorText(inbox.error)}</p>}
      {inbox.isPending && <ListSkeleton rows={6} testId="requests-skeleton" />}
      {inbox.data && inbox.data.items.length === 0 && <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-slate-500">{t('empty')}</p>}
      {inbox.data && inbox.data.items.length > 0 && (
        <Table
          testId="requests"
          frameClassName="overflow-x-auto rounded-lg border border-slate-200 bg-white"
          columns={[t('columns.number'), t('columns.subject'), t('columns.status'), t('columns.assignee'), t('columns.due')].map((label) => ({ label, className: 'p-2' }))}
        >
          {inbox.data.items.map((item) => (
            <tr key={item.id} className={`border-t border-slate-100 align-top ${ROW_TONE[item.sla]}`} data-testid="request-row" data-status={item.status} data-sla={item.sla}>
              <td className="whitespace-nowrap p-2">
                <Link href={`/backoffice/requests/${item.id}`} className="font-medium text-brand-700 underline">
                  {item.number}
                </Link>
                <div className="mt-1">
                  <SlaFlag flag={item.sla === 'atRisk' ? 'atRisk' : item.sla === 'late' ? 'late' : 'onTime'} />
                </div>
              </td>
              <td className="max-w-md p-2">
                <div className="truncate">
                  {item.reopenCount > 0 && (
                    <span className="mr-1 rounded bg-slate-100 px-1 text-xs text-slate-800" data-testid="request-reopened">
                      {t('reopened', { count: item.reopenCount })}
                    </span>
                  )}
                  {item.subject}
                </div>
                <div className="text-xs text-slate-500">
                  {names.get(item.category) ?? item.category} · {item.msisdn ?? item.email ?? '—'}
                </div>
              </td>
              <td className="p-2">
                <RequestStatusBadge status={item.status} />
              </td>
              <td className="p-2">{item.assigneeName ?? t('nobody')}</td>
              <td className="whitespace-nowrap p-2">
                {item.dueKind && <div className="text-xs text-slate-500">{t(item.dueKind === 'firstResponse' ? 'firstResponse' : 'resolution')}</div>}
                <DueTime dueAt={item.dueAt} now={now} paused={item.status === 'waiting'} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      {inbox.data && inbox.data.total > PAGE && (
        <div className="flex items-center gap-3 text-sm">
          <button type="button" className="rounded border border-slate-300 px-3" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            ←
          </button>
          <span>{t('page', { from: page * PAGE + 1, to: Math.min((page + 1) * PAGE, inbox.data.total), total: inbox.data.total })}</span>
          <button type="button" className="rounded border border-slate-300 px-3" disabled={inbox.data.nextOffset === null} onClick={() => setPage((p) => p + 1)}>
            →
          </button>
        </div>
      )}
    </div>
  );
}

function Select({ label, value, onChange, options, testId }: { label: string; value: string; onChange: (value: string) => void; options: { value: string; label: string }[]; testId?: string }) {
  return (
    <label className="flex flex-col gap-1">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} className="max-w-56 rounded border border-slate-300 px-2" data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
