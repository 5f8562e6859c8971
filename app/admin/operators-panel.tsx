'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '../_components/error-text';
import { Panel } from '../_components/panel';
import { useTRPC } from '../_components/trpc-provider';
import { CHAT_LIMITS, OPERATOR_SERVES, type OperatorServes } from '@/server/chat/chat-limits';


/** Operators with status and load; the admin sets how many chats each takes at once, and whose (dealers', subscribers' or both). */
export function OperatorsPanel() {
  const t = useTranslations('operator');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [notice, setNotice] = useState<string | null>(null);
  const operators = useQuery(trpc.admin.operators.list.queryOptions());
  const setCapacity = useMutation(
    trpc.admin.operators.setCapacity.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.operators.list.queryKey() }),
      onError: (e) => setNotice(errorText(e)),
    }),
  );
  const setServes = useMutation(
    trpc.admin.operators.setServes.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.operators.list.queryKey() }),
      onError: (e) => setNotice(errorText(e)),
    }),
  );
  return (
    <Panel title={t('operators')}>
      <ul className="divide-y divide-slate-100" data-testid="operators-list">
        {operators.data?.map((o) => (
          <li key={o.id} className="flex flex-wrap items-center gap-3 py-2">
            <span className="flex-1">
              {o.name} <span className="text-sm text-slate-500">({o.email})</span>
            </span>
            <span className="text-sm">{t(`status.${o.status as 'available' | 'wrap_up' | 'away' | 'offline'}`)}</span>
            <label className="flex items-center gap-2 text-sm">
              {t('setCapacity')}
              <select
                value={o.capacity}
                onChange={(e) => setCapacity.mutate({ userId: o.id, capacity: Number(e.target.value) })}
                className="rounded border border-slate-300 px-2"
                aria-label={`${t('setCapacity')}: ${o.name}`}
              >
                {Array.from({ length: CHAT_LIMITS.maxCapacity }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex items-center gap-2 text-sm">
              {t('setServes')}
              <select
                value={o.serves}
                onChange={(e) => setServes.mutate({ operatorId: o.id, serves: e.target.value as OperatorServes })}
                className="rounded border border-slate-300 px-2"
                aria-label={`${t('setServes')}: ${o.name}`}
              >
                {OPERATOR_SERVES.map((serves) => (
                  <option key={serves} value={serves}>
                    {t(`serves.${serves}`)}
                  </option>
                ))}
              </select>
            </label>
            <span className="text-sm text-slate-500">
              {o.load}/{o.capacity}
            </span>
          </li>
        ))}
      </ul>
      {notice && <p role="alert" className="text-sm text-red-700">{notice}</p>}
    </Panel>
  );
}
