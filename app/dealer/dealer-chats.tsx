'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { formatTime } from '../_components/chat/format';
import { QueueOutlook } from '../_components/chat/queue-outlook';
import { useErrorText } from '../_components/error-text';
import { EmptyState } from '../_components/workspace-heading';
import { useTRPC } from '../_components/trpc-provider';
import { useHydrated } from '../_components/use-hydrated';
import { CHAT_LIMITS } from '@/server/chat/chat-limits';

/** Start a chat (with an optional topic) and the company's chats with their state. */
export function DealerChats() {
  const t = useTranslations('chat');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const errorText = useErrorText();
  const [topic, setTopic] = useState('');
  const hydrated = useHydrated();
  const chats = useQuery(trpc.chat.list.queryOptions());
  const start = useMutation(trpc.chat.start.mutationOptions({ onSuccess: ({ chatId }) => router.push(`/dealer/chats/${chatId}`) }));

  return (
    <div className="grid gap-6">
      <form
        className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate({ topic: topic.trim() || undefined });
        }}
      >
        <label className="flex min-w-60 flex-1 flex-col gap-1 text-sm font-medium">
          {t('topic')}
          <input value={topic} maxLength={CHAT_LIMITS.maxTopicLength} onChange={(e) => setTopic(e.target.value)} className="rounded border border-slate-300 px-3 font-normal" />
        </label>
        <button type="submit" disabled={start.isPending || !hydrated} className="rounded bg-brand-600 px-4 font-medium text-white disabled:opacity-60">
          {start.isPending ? t('starting') : t('start')}
        </button>
        {start.error && <p role="alert" className="w-full text-sm text-red-700">{errorText(start.error)}</p>}
      </form>

      <section>
        <h2 className="mb-2 text-lg font-semibold">{t('myChats')}</h2>
        {chats.data?.length === 0 && <EmptyState text={t('noChats')} />}
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="dealer-chats">
          {chats.data?.map((chat) => (
            <li key={chat.id}>
              <Link href={`/dealer/chats/${chat.id}`} className="flex flex-wrap items-center gap-3 p-3 hover:bg-slate-50">
                <span className="font-medium">{chat.topic || '—'}</span>
                <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">{t(`status.${chat.status}`)}</span>
                {chat.queue && (
                  <span className="text-sm text-slate-600">
                    {t('queuePosition', { position: chat.queue.position })}
                    {' · '}
                    <QueueOutlook place={chat.queue} explain={false} />
                  </span>
                )}
                {chat.unread > 0 && <span className="rounded-full bg-brand-600 px-2 text-xs text-white">{t('unread', { count: chat.unread })}</span>}
                <span className="ml-auto text-sm text-slate-500">
                  {chat.operatorName ?? ''} · {formatTime(chat.createdAt, locale)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
