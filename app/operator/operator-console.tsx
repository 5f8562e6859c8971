'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ChatSummary } from '@/server/chat/schemas';
import { VisitorBadge } from '../_components/chat/chat-party';
import { formatDuration } from '../_components/chat/format';
import { useErrorText } from '../_components/error-text';
import { useOfferSoundSetting } from '../_components/live/offer-sound';
import { useNow } from '../_components/live/offer-layer';
import { useFeedListener } from '../_components/realtime-feed';
import { useTRPC } from '../_components/trpc-provider';
import { useHydrated } from '../_components/use-hydrated';

// The chat window (messages, composer, cards, rating, its buttons) is fetched when the operator has a
// chat open (React.lazy: never rendered on the server, and without next/dynamic's own code).
const ChatView = lazy(() => import('../_components/chat/chat-view').then((m) => ({ default: m.ChatView })));
const SendPackageButton = lazy(() => import('./send-package-button').then((m) => ({ default: m.SendPackageButton })));
const ChatToRequestButton = lazy(() => import('./chat-to-request-button').then((m) => ({ default: m.ChatToRequestButton })));
const TransferButton = lazy(() => import('./transfer-button').then((m) => ({ default: m.TransferButton })));
const CannedReplyPicker = lazy(() => import('./canned-reply-picker').then((m) => ({ default: m.CannedReplyPicker })));
const RequestVerificationButton = lazy(() => import('./subscriber-tools').then((m) => ({ default: m.RequestVerificationButton })));
const SubscriberSidebar = lazy(() => import('./subscriber-tools').then((m) => ({ default: m.SubscriberSidebar })));

const STATUSES = ['available', 'wrap_up', 'away', 'offline'] as const;

export function OperatorConsole({ myId }: { myId: string }) {
  const t = useTranslations('operator');
  const to = useTranslations('offers');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const consoleQuery = useQuery(trpc.operator.console.queryOptions());
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const hydrated = useHydrated();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.operator.console.pathKey() });
  const setStatus = useMutation(trpc.operator.setStatus.mutationOptions({ onSuccess: refresh, onError: (e) => setNotice(errorText(e)) }));
  const accept = useMutation(
    trpc.operator.accept.mutationOptions({
      onSuccess: async (_data, variables) => {
        setSelected(variables.chatId);
        await refresh();
      },
      onError: (e) => setNotice(errorText(e)),
    }),
  );

  const [soundOn, setSoundOn] = useOfferSoundSetting();

  // A chat accepted from the offer banner on another page arrives as ?chat=…
  const wanted = useSearchParams().get('chat');
  useEffect(() => {
    if (wanted) setSelected(wanted);
  }, [wanted]);

  useFeedListener((event) => {
    if (event.type === 'queue.changed' || event.type === 'operator.status' || event.type.startsWith('chat.')) void refresh();
    if (event.type === 'chat.transferredAway' && event.chatId === selected) setSelected(null);
    // The visitor proved their number: the open chat's header and the history follow at once.
    if (event.type === 'chat.visitorVerified') {
      void queryClient.invalidateQueries({ queryKey: trpc.chat.get.queryKey({ chatId: event.payload.chatId }) });
      void queryClient.invalidateQueries({ queryKey: trpc.chat.visitorHistory.queryKey({ chatId: event.payload.chatId }) });
    }
  });

  const data = consoleQuery.data;
  const chats = data?.chats ?? [];
  const current = selected && chats.some((c) => c.id === selected) ? selected : (chats[0]?.id ?? null);
  const currentChat = chats.find((c) => c.id === current) ?? null;
  const isSubscriberChat = currentChat?.class === 'subscriber';

  return (
    <div className="grid gap-4 lg:grid-cols-[320px_1fr]">
      <aside className="flex flex-col gap-4">
        <section className="rounded-lg border border-slate-200 bg-white p-3">
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t('statusLabel')}
            <select
              value={data?.status ?? 'offline'}
              onChange={(e) => setStatus.mutate({ status: e.target.value as (typeof STATUSES)[number] })}
              className="rounded border border-slate-300 px-2 font-normal"
              disabled={!hydrated}
              data-testid="operator-status"
            >
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          {data && <p className="mt-2 text-sm text-slate-600">{t('capacity', { load: data.chats.length, capacity: data.capacity })}</p>}
          <label className="mt-2 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={soundOn} disabled={!hydrated} onChange={(e) => setSoundOn(e.target.checked)} data-testid="console-offer-sound" />
            {to('sound')}
          </label>
        </section>
        {notice && (
          <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
            {notice}
          </p>
        )}
        <QueueList queue={data?.queue ?? []} onAccept={(chatId) => accept.mutate({ chatId })} />
      </aside>

      <section>
        <h2 className="mb-2 text-lg font-semibold">{t('activeChats')}</h2>
        {chats.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-500">{t('noActiveChats')}</p>
        ) : (
          <>
            <div role="tablist" className="mb-2 flex flex-wrap gap-2" data-testid="chat-tabs">
              {chats.map((chat) => (
                <ChatTab key={chat.id} chat={chat} active={chat.id === current} onSelect={() => setSelected(chat.id)} />
              ))}
            </div>
            {current && currentChat && (
              <Suspense fallback={null}>
                <div className={isSubscriberChat ? 'grid gap-4 xl:grid-cols-[1fr_300px]' : ''}>
                  <ChatView
                    key={current}
                    chatId={current}
                    myId={myId}
                    role="operator"
                    actions={
                      <>
                        {/* Packages and applications are a dealer's: a subscriber is pointed to a point of sale. */}
                        {!isSubscriberChat && <SendPackageButton chatId={current} />}
                        {isSubscriberChat && currentChat.visitor && !currentChat.visitor.verified && <RequestVerificationButton chatId={current} />}
                        {isSubscriberChat && <ChatToRequestButton chatId={current} />}
                        <TransferButton chatId={current} colleagues={data?.colleagues ?? []} onDone={() => setSelected(null)} />
                      </>
                    }
                    composerTools={(insert) => <CannedReplyPicker chat={currentChat} insert={insert} />}
                  />
                  {isSubscriberChat && <SubscriberSidebar key={current} chat={currentChat} myId={myId} />}
                </div>
              </Suspense>
            )}
          </>
        )}
      </section>
    </div>
  );
}

/** A chat's tab: who (the person, their company and shop), about what, how long they have waited for a reply, unread messages. */
function ChatTab({ chat, active, onSelect }: { chat: ChatSummary; active: boolean; onSelect: () => void }) {
  const t = useTranslations('chat');
  const locale = useLocale();
  const now = useNow();
  const waiting = chat.awaitingReplySince ? (now - new Date(chat.awaitingReplySince).getTime()) / 1000 : null;
  return (
    <button
      type="button"
      role="tab"
      aria-selected={active}
      onClick={onSelect}
      className={`flex max-w-64 flex-col items-start rounded border px-3 py-1 text-left text-sm ${active ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-white'}`}
      data-testid="chat-tab"
    >
      <span className="flex w-full items-center gap-2 font-medium">
        {chat.class === 'subscriber' ? <VisitorBadge chat={chat} /> : <span className="truncate">{chat.dealerUserName}</span>}
        {chat.unread > 0 && (
          <span className="shrink-0 rounded-full bg-brand-600 px-2 text-xs text-white" data-testid="unread-badge">
            {t('unread', { count: chat.unread })}
          </span>
        )}
      </span>
      <span className="w-full truncate text-xs text-slate-500">{[chat.dealerName, chat.pointOfSale].filter(Boolean).join(' · ')}</span>
      <span className="w-full truncate text-xs">{chat.topic || '—'}</span>
      {waiting !== null && (
        <span className={`text-xs ${waiting >= 60 ? 'font-medium text-amber-800' : 'text-slate-500'}`} data-testid="tab-waiting">
          {t('waitingReply', { time: formatDuration(waiting, locale) })}
        </span>
      )}
    </button>
  );
}

function QueueList({ queue, onAccept }: { queue: ChatSummary[]; onAccept: (chatId: string) => void }) {
  const t = useTranslations('operator');
  const tc = useTranslations('chat');
  const locale = useLocale();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3">
      <h2 className="mb-2 font-semibold">
        {t('queue')} ({queue.length})
      </h2>
      {queue.length === 0 && <p className="text-sm text-slate-500">{t('queueEmpty')}</p>}
      <ul className="flex flex-col gap-2" data-testid="queue">
        {queue.map((chat) => (
          <li key={chat.id} className={`rounded border p-2 text-sm ${chat.offeredToMe ? 'border-brand-600 bg-brand-50' : 'border-slate-200'}`} data-testid="queue-item">
            {chat.offeredToMe && <div className="text-xs font-semibold text-brand-700">{t('offer')}</div>}
            {chat.class === 'subscriber' && <VisitorBadge chat={chat} />}
            <div className="font-medium">{chat.topic || '—'}</div>
            <div className="text-xs text-slate-500">
              {chat.class === 'dealer' && `${chat.dealerName ?? ''} · ${chat.pointOfSale ?? ''} · `}
              {tc('waitingFor', { time: formatDuration((now - new Date(chat.createdAt).getTime()) / 1000, locale) })}
            </div>
            <button type="button" className="mt-1 rounded bg-brand-600 px-3 text-white" onClick={() => onAccept(chat.id)}>
              {t('accept')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
