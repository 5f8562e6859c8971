'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { APPLICATION_STATUSES } from '@/server/workflow/application-statuses';
import { TEMPLATE_TITLES, templateTitle } from '@/templates/titles';
import { ListSkeleton } from '../skeleton';
import { useText } from './use-text';
import { formatTime } from '../chat/format';
import { useTRPC } from '../trpc-provider';

/** Applications with their state, filtered by state and form: the dealer company’s, or the operator’s (from their chats). */
export function ApplicationsList() {
  const t = useTranslations('application');
  const text = useText();
  const locale = useLocale();
  const trpc = useTRPC();
  const [status, setStatus] = useState('');
  const [templateId, setTemplateId] = useState('');
  const list = useQuery(
    trpc.application.list.queryOptions({
      status: (status || undefined) as (typeof APPLICATION_STATUSES)[number] | undefined,
      templateId: templateId || undefined,
    }),
  );
  return (
    <section>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <h2 className="mr-auto text-lg font-semibold">{t('list')}</h2>
        <select value={status} onChange={(e) => setStatus(e.target.value)} aria-label={t('allStatuses')} className="rounded border border-slate-300 px-2 text-sm">
          <option value="">{t('allStatuses')}</option>
          {APPLICATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <select value={templateId} onChange={(e) => setTemplateId(e.target.value)} aria-label={t('allTemplates')} className="rounded border border-slate-300 px-2 text-sm">
          <option value="">{t('allTemplates')}</option>
          {TEMPLATE_TITLES.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {text(tpl.title)}
            </option>
          ))}
        </select>
      </div>
      {list.isPending && <ListSkeleton rows={3} testId="applications-skeleton" />}
      {list.data?.length === 0 && <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-500">{t('noApplications')}</p>}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="dealer-applications">
        {list.data?.map((a) => {
          const title = templateTitle(a.templateId);
          return (
            <li key={a.id}>
              <Link href={`/applications/${a.id}`} className="flex flex-wrap items-center gap-3 p-3 hover:bg-slate-50">
                <span className="font-mono text-sm">{a.number}</span>
                <span>{title ? text(title) : a.templateId}</span>
                <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{t(`status.${a.status}`)}</span>
                <span className="ml-auto text-sm text-slate-500">
                  {a.createdByName} · {formatTime(a.updatedAt, locale)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
