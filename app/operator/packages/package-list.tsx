'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { EmptyState } from '../../_components/workspace-heading';
import { useErrorText } from '../../_components/error-text';
import { useTRPC } from '../../_components/trpc-provider';

const STATUSES = ['draft', 'sent', 'opened'] as const;
type Status = (typeof STATUSES)[number];

/** Packages, newest first, searched by EDRPOU, company name or number, filtered by state. */
export function PackageList() {
  const t = useTranslations('package');
  const format = useFormatter();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const list = useQuery({ ...trpc.package.search.queryOptions({ query, status: status || undefined }), placeholderData: keepPreviousData });
  return (
    <section className="flex flex-col gap-3">
      <form className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm" onSubmit={(e) => e.preventDefault()} data-testid="package-filters">
        <label className="flex min-w-64 flex-1 flex-col gap-1">
          {t('search')}
          <input type="search" value={query} maxLength={100} onChange={(e) => setQuery(e.target.value)} className="rounded border border-slate-300 px-2" />
        </label>
        <label className="flex flex-col gap-1">
          {t('statusFilter')}
          <select value={status} onChange={(e) => setStatus(e.target.value as Status | '')} className="rounded border border-slate-300 px-2">
            <option value="">{t('allStatuses')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {list.isError && <p className="text-red-700">{errorText(list.error)}</p>}
      {list.data?.length === 0 && <EmptyState text={t('empty')} />}
      {list.data && list.data.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="package-list">
          {list.data.map((p) => (
            <li key={p.id} data-testid="package-row" data-status={p.status}>
              <Link href={`/operator/packages/${p.id}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3 hover:bg-slate-50">
                <span className="font-mono text-sm">{p.number}</span>
                <span className="font-medium">{p.title}</span>
                {p.edrpou && <span className="text-sm text-slate-500">{t('edrpou', { code: p.edrpou })}</span>}
                <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{t(`kind.${p.kind}`)}</span>
                <span className={`rounded px-2 py-0.5 text-xs ${p.status === 'draft' ? 'bg-amber-100 text-amber-900' : 'bg-green-100 text-green-900'}`}>{t(`status.${p.status}`)}</span>
                <span className="ml-auto text-sm text-slate-500">
                  {p.createdByName} · {format.dateTime(p.updatedAt, { dateStyle: 'short', timeStyle: 'short' })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
