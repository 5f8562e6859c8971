'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '../_components/error-text';
import { MessageText } from '../_components/chat/message-text';
import { Panel } from '../_components/panel';
import { useTRPC } from '../_components/trpc-provider';

/**
 * The notification outbox (status, attempts, last error, retry of failed ones) and the
 * development SMS inbox, whose messages hold working links: admins only.
 */
export function NotificationsPanel() {
  const t = useTranslations('admin.notifications');
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [tab, setTab] = useState<'outbox' | 'inbox'>('outbox');
  const outbox = useQuery({ ...trpc.admin.notifications.outbox.queryOptions({ limit: 50 }), refetchInterval: 10_000, enabled: tab === 'outbox' });
  const inbox = useQuery({ ...trpc.admin.notifications.devInbox.queryOptions({ limit: 50 }), refetchInterval: 5_000, enabled: tab === 'inbox' });
  const retry = useMutation(trpc.admin.notifications.retry.mutationOptions({ onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.admin.notifications.outbox.queryKey() }) }));
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'short', timeStyle: 'medium' });
  const tabClass = (active: boolean) => `rounded px-3 ${active ? 'bg-brand-600 text-white' : 'border border-slate-300'}`;

  return (
    <Panel title={t('title')}>
      <div className="mb-3 flex gap-2 text-sm">
        <button type="button" className={tabClass(tab === 'outbox')} onClick={() => setTab('outbox')}>
          {t('outbox')}
        </button>
        <button type="button" className={tabClass(tab === 'inbox')} onClick={() => setTab('inbox')} data-testid="dev-inbox-tab">
          {t('devInbox')}
        </button>
      </div>
      {retry.error && <p className="text-sm text-red-700">{errorText(retry.error)}</p>}
      {tab === 'outbox' && (
        <ul className="flex flex-col gap-2 text-sm" data-testid="outbox">
          {outbox.data?.length === 0 && <li className="text-slate-500">{t('empty')}</li>}
          {outbox.data?.map((n) => (
            <li key={n.id} className="rounded border border-slate-200 p-2" data-status={n.status}>
              <div className="flex flex-wrap items-center gap-2">
                <span className={`rounded px-1.5 text-xs ${n.status === 'sent' ? 'bg-green-100' : n.status === 'failed' ? 'bg-red-100' : 'bg-amber-100'}`}>{t(`status.${n.status}`)}</span>
                <span>{n.applicationNumber}</span>
                <span>
                  {n.channel} → {n.recipient}
                </span>
                <span className="text-slate-500">{t('attempts', { count: n.attempts })}</span>
                <span className="text-slate-500">{n.sentAt ? when(n.sentAt) : when(n.createdAt)}</span>
                {n.status === 'failed' && (
                  <button type="button" className="ml-auto rounded border border-slate-300 px-2" onClick={() => retry.mutate({ notificationId: n.id })}>
                    {t('retry')}
                  </button>
                )}
              </div>
              {n.lastError && <p className="text-xs text-red-700">{n.lastError}</p>}
            </li>
          ))}
        </ul>
      )}
      {tab === 'inbox' && (
        <>
          <p className="mb-2 text-xs text-amber-900">{t('devInboxWarning')}</p>
          <ul className="flex flex-col gap-2 text-sm" data-testid="dev-inbox">
            {inbox.data?.length === 0 && <li className="text-slate-500">{t('empty')}</li>}
            {inbox.data?.map((m) => (
              <li key={m.id} className="rounded border border-slate-200 p-2" data-testid="dev-message">
                <div className="text-xs text-slate-500">
                  {m.channel} → {m.to} · {when(m.deliveredAt)}
                </div>
                <MessageText text={m.text} />
              </li>
            ))}
          </ul>
        </>
      )}
    </Panel>
  );
}
