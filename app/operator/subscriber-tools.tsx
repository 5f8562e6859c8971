'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ChatSummary } from '@/server/chat/schemas';
import { MessageList } from '../_components/chat/message-list';
import { useErrorText } from '../_components/error-text';
import { useTRPC } from '../_components/trpc-provider';

/** Step-up: asks a guest to prove their number before their account is discussed. */
export function RequestVerificationButton({ chatId }: { chatId: string }) {
  const t = useTranslations('operator.subscriber');
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [notice, setNotice] = useState<string | null>(null);
  const request = useMutation(
    trpc.chat.requestVerification.mutationOptions({ onSuccess: () => setNotice(t('verificationRequested')), onError: (e) => setNotice(errorText(e)) }),
  );
  return (
    <span className="flex items-center gap-2">
      <button type="button" className="rounded border border-amber-500 bg-amber-50 px-3 text-sm" disabled={request.isPending} onClick={() => request.mutate({ chatId })} data-testid="request-verification">
        {t('requestVerification')}
      </button>
      {notice && (
        <span role="status" className="text-xs text-slate-600">
          {notice}
        </span>
      )}
    </span>
  );
}

/** The subscriber's tools beside the chat: their earlier chats, and a point of sale to send. */
export function SubscriberSidebar({ chat, myId }: { chat: ChatSummary; myId: string }) {
  return (
    <aside className="flex flex-col gap-4" data-testid="subscriber-sidebar">
      <PointOfSaleSender chatId={chat.id} />
      <VisitorHistory chat={chat} myId={myId} />
    </aside>
  );
}

/** A town field that suggests points of sale as the operator types; each is sent into the chat with one button. */
function PointOfSaleSender({ chatId }: { chatId: string }) {
  const t = useTranslations('operator.subscriber');
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [typed, setTyped] = useState('');
  const [town, setTown] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  // Asks once the operator pauses typing.
  useEffect(() => {
    const timer = window.setTimeout(() => setTown(typed.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [typed]);
  const found = useQuery(trpc.chat.pointsOfSale.queryOptions({ town }, { enabled: town.length >= 2 }));
  const send = useMutation(trpc.chat.sendPointOfSale.mutationOptions({ onSuccess: () => setNotice(t('pointSent')), onError: (e) => setNotice(errorText(e)) }));
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="point-of-sale-sender">
      <h3 className="mb-2 font-semibold">{t('pointOfSale')}</h3>
      <label className="flex flex-col gap-1">
        {t('town')}
        <input
          type="search"
          value={typed}
          placeholder={t('townPlaceholder')}
          className="rounded border border-slate-300 px-2 py-1"
          onChange={(e) => {
            setTyped(e.target.value);
            setNotice(null);
          }}
          data-testid="pos-town"
        />
      </label>
      {town.length >= 2 && found.data && (
        <ul className="mt-2 flex flex-col gap-1" data-testid="pos-suggestions">
          {found.data.length === 0 && <li className="text-slate-500">{t('noPoints')}</li>}
          {found.data.map((p) => (
            <li key={p.id} className="flex items-start gap-2 rounded border border-slate-200 p-2">
              <span className="min-w-0 flex-1">
                <span className="block font-medium">{p.name}</span>
                <span className="block text-xs text-slate-600">
                  {p.town}, {p.address}
                </span>
              </span>
              <button type="button" className="rounded bg-brand-600 px-3 text-white disabled:opacity-50" disabled={send.isPending} onClick={() => send.mutate({ chatId, pointOfSaleId: p.id })}>
                {t('sendPoint')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {notice && (
        <p role="status" className="mt-2 text-xs text-slate-600">
          {notice}
        </p>
      )}
    </section>
  );
}

/** A verified subscriber's earlier chats (read-only, messages on demand); a guest has none. */
function VisitorHistory({ chat, myId }: { chat: ChatSummary; myId: string }) {
  const t = useTranslations('operator.subscriber');
  const trpc = useTRPC();
  const locale = useLocale();
  const verified = chat.visitor?.verified ?? false;
  const history = useQuery(trpc.chat.visitorHistory.queryOptions({ chatId: chat.id }, { enabled: verified }));
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid="visitor-history">
      <h3 className="mb-2 font-semibold">{t('history')}</h3>
      {!verified ? (
        <p className="text-slate-500">{t('historyGuest')}</p>
      ) : history.data && history.data.chats.length === 0 ? (
        <p className="text-slate-500">{t('historyEmpty')}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {history.data?.chats.map((past) => (
            <li key={past.id} className="rounded border border-slate-200 p-2" data-testid="history-chat">
              <div className="flex flex-wrap justify-between gap-2 text-xs text-slate-600">
                <span>{new Date(past.createdAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })}</span>
                <span>{past.operatorName ?? '—'}</span>
              </div>
              <div className="font-medium">{past.topic || '—'}</div>
              {past.rating !== null && <div className="text-xs">{t('rating', { rating: past.rating })}</div>}
              <button type="button" className="mt-1 text-xs text-brand-700 underline" onClick={() => setOpen(open === past.id ? null : past.id)}>
                {open === past.id ? t('hideMessages') : t('showMessages')}
              </button>
              {open === past.id && <PastMessages chatId={chat.id} pastChatId={past.id} myId={myId} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PastMessages({ chatId, pastChatId, myId }: { chatId: string; pastChatId: string; myId: string }) {
  const trpc = useTRPC();
  const messages = useQuery(trpc.chat.visitorHistoryMessages.queryOptions({ chatId, pastChatId }));
  if (!messages.data) return <p className="text-slate-500">…</p>;
  return (
    <div className="mt-2 max-h-80 overflow-y-auto rounded bg-slate-100">
      <MessageList messages={messages.data} pending={[]} myId={myId} readByOther={0} role="operator" />
    </div>
  );
}

