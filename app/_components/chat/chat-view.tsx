'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState } from 'react';
import { NewApplication } from '../application/new-application';
import { useErrorText } from '../error-text';
import { useFeedListener, useFeedState } from '../realtime-feed';
import { useTRPC } from '../trpc-provider';
import { useChatParty } from './chat-party';
import { CloseChatDialog } from './close-chat-dialog';
import { Composer } from './composer';
import { QueueOutlook, queuePlaceFromEvent, type QueuePlace } from './queue-outlook';
import { MessageList } from './message-list';
import { RatingForm } from './rating-form';
import { readMarkFrom, unreadAfter } from './unread';
import { useOutbox } from './use-outbox';
import { CHAT_LIMITS } from '@/server/chat/chat-limits';

const TYPING_SHOW_MS = 4000;
const TYPING_SEND_EVERY_MS = 2500;

/**
 * One conversation: messages, composer with an offline outbox, typing, receipts, queue place, close
 * (after a confirmation) and rating. `visible: false` is a chat kept mounted but hidden (a closed
 * drawer): it marks nothing read and reports its unread count through `onUnread`.
 */
export function ChatView({
  chatId,
  myId,
  role,
  actions,
  composerTools,
  visible = true,
  onUnread,
  className = 'h-[70vh] min-h-[420px]',
}: {
  chatId: string;
  myId: string;
  role: 'dealer' | 'operator' | 'admin';
  actions?: React.ReactNode;
  /** Helpers above the composer's text box, given a way to insert a text (the operator's canned replies). */
  composerTools?: (insert: (text: string) => void) => React.ReactNode;
  visible?: boolean;
  onUnread?: (count: number) => void;
  /** The conversation's height. */
  className?: string;
}) {
  const t = useTranslations('chat');
  const locale = useLocale();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const party = useChatParty();
  const feedState = useFeedState();
  const chat = useQuery(trpc.chat.get.queryOptions({ chatId }));
  const [typing, setTyping] = useState<{ name: string; until: number } | null>(null);
  const [queuePlace, setQueuePlace] = useState<QueuePlace | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);
  const lastTypingSent = useRef(0);

  const send = useMutation(trpc.chat.send.mutationOptions());
  const outbox = useOutbox(chatId, (m) => send.mutateAsync({ chatId, clientId: m.clientId, text: m.text }));
  const { acknowledge } = outbox;
  const markRead = useMutation(trpc.chat.markRead.mutationOptions());
  const typingSignal = useMutation(trpc.chat.typing.mutationOptions());
  const close = useMutation(trpc.chat.close.mutationOptions({ onSuccess: () => setConfirmingClose(false), onError: (e) => { setConfirmingClose(false); setNotice(errorText(e)); } }));
  const cancel = useMutation(trpc.chat.cancel.mutationOptions({ onError: (e) => setNotice(errorText(e)) }));

  const data = chat.data;
  const messages = useMemo(() => data?.messages ?? [], [data?.messages]);

  // Messages the server has (same client id) leave the outbox.
  useEffect(() => {
    acknowledge(new Set(messages.map((m) => m.clientId).filter((id): id is string => id !== null)));
  }, [messages, acknowledge]);

  // Read receipts: what is on screen counts as read; a hidden chat counts what arrives as unread.
  const lastSeq = messages.at(-1)?.seq ?? 0;
  const canMarkRead = role !== 'admin' && data && data.status !== 'abandoned';
  useEffect(() => {
    if (visible && canMarkRead && lastSeq > 0) markRead.mutate({ chatId, seq: lastSeq });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new message arrives or the chat is shown
  }, [chatId, lastSeq, canMarkRead, visible]);
  const [readMark, setReadMark] = useState<number | null>(null);
  const serverUnread = data?.unread;
  useEffect(() => {
    if (serverUnread === undefined) return;
    if (visible) setReadMark(lastSeq);
    else setReadMark((mark) => mark ?? readMarkFrom(messages, myId, serverUnread));
  }, [visible, lastSeq, serverUnread, messages, myId]);
  const unread = visible || readMark === null ? 0 : unreadAfter(messages, myId, readMark);
  const reportUnread = useRef(onUnread);
  useEffect(() => {
    reportUnread.current = onUnread;
  });
  useEffect(() => reportUnread.current?.(unread), [unread]);

  useEffect(() => setQueuePlace(data?.queue ?? null), [data?.queue]);

  useFeedListener((event) => {
    if (event.chatId !== chatId) return;
    if (event.type === 'chat.typing' && event.payload.role !== role) {
      setTyping({ name: event.payload.name, until: Date.now() + TYPING_SHOW_MS });
    }
    if (event.type === 'chat.message') setTyping(null);
    if (event.type === 'queue.position') setQueuePlace(queuePlaceFromEvent(event.payload));
  });
  useEffect(() => {
    if (!typing) return;
    const timer = window.setTimeout(() => setTyping(null), Math.max(0, typing.until - Date.now()));
    return () => window.clearTimeout(timer);
  }, [typing]);

  if (chat.isPending) return <p className="p-4 text-slate-500">…</p>;
  if (chat.isError || !data) return <p className="p-4 text-red-700">{errorText(chat.error)}</p>;

  const upload = async (file: File) => {
    setNotice(null);
    if (file.size > CHAT_LIMITS.maxAttachmentBytes) return setNotice(t('fileTooLarge'));
    setUploading(true);
    const form = new FormData();
    form.set('file', file);
    form.set('clientId', crypto.randomUUID());
    try {
      const response = await fetch(`/api/chats/${chatId}/attachments`, { method: 'POST', body: form });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
        setNotice(errorText(body?.error, t('uploadFailed')));
      } else {
        await chat.refetch();
      }
    } catch {
      setNotice(t('uploadFailed'));
    } finally {
      setUploading(false);
    }
  };

  return (
    <section className={`flex ${className} flex-col overflow-hidden rounded-lg border border-slate-200 bg-slate-100`} data-testid="chat-view" data-status={data.status}>
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white p-3">
        <div className="min-w-0 flex-1">
          <div className="truncate font-medium">{data.topic || (role === 'dealer' ? data.operatorName : data.dealerName) || '—'}</div>
          <div className="truncate text-xs text-slate-500">
            {role === 'dealer'
              ? `${t('operatorLabel')}: ${data.operatorName ?? '—'}`
              : data.class === 'subscriber'
                ? party(data).label
                : `${data.dealerName} · ${data.pointOfSale ?? ''} · ${data.dealerUserName}`}
          </div>
        </div>
        <span className="rounded bg-slate-100 px-2 py-1 text-xs" data-testid="chat-status">
          {t(`status.${data.status}`)}
        </span>
        {actions}
        {data.status === 'active' && data.canWrite && (
          <button type="button" className="rounded border border-slate-300 px-3 text-sm" onClick={() => setConfirmingClose(true)}>
            {t('close')}
          </button>
        )}
        {confirmingClose && data.status === 'active' && (
          <CloseChatDialog chatId={chatId} pending={close.isPending} onConfirm={() => close.mutate({ chatId })} onCancel={() => setConfirmingClose(false)} />
        )}
        {(data.status === 'closed' || data.status === 'abandoned') && (
          <a className="rounded border border-slate-300 px-3 py-2 text-sm" href={`/api/chats/${chatId}/transcript?lang=${locale}`} data-testid="transcript-link">
            {t('downloadTranscript')}
          </a>
        )}
      </header>

      {feedState === 'reconnecting' && (
        <p role="status" className="bg-amber-100 px-3 py-1 text-sm text-amber-900" data-testid="connection-banner">
          {outbox.pending.length > 0 ? t('offline') : t('reconnecting')}
        </p>
      )}
      {data.status === 'queued' && role === 'dealer' && (
        <div className="flex flex-wrap items-center gap-3 bg-brand-50 px-3 py-2 text-sm" data-testid="queue-banner">
          {queuePlace ? (
            <span>
              {t('queuePosition', { position: queuePlace.position })}
              {' · '}
              <QueueOutlook place={queuePlace} />
            </span>
          ) : null}
          <button type="button" className="ml-auto rounded border border-slate-300 bg-white px-3" onClick={() => cancel.mutate({ chatId })}>
            {t('cancel')}
          </button>
        </div>
      )}

      {role === 'dealer' && data.status === 'active' && data.canWrite && <NewApplication chatId={chatId} />}
      <div className="flex-1 overflow-hidden">
        <div className="h-full overflow-y-auto" data-chat-scroll>
          <MessageList messages={messages} pending={outbox.pending} myId={myId} readByOther={data.readByOther} role={role} />
        </div>
      </div>
      {typing && (
        <p className="px-3 pb-1 text-xs text-slate-500" data-testid="typing">
          {t('typing', { name: typing.name })}
        </p>
      )}
      {notice && (
        <p role="alert" className="bg-red-50 px-3 py-1 text-sm text-red-800">
          {notice}
        </p>
      )}
      {data.canWrite && (
        <Composer
          uploading={uploading}
          tools={composerTools}
          onSend={(text) => outbox.enqueue(text)}
          onAttach={(file) => void upload(file)}
          onTyping={() => {
            if (Date.now() - lastTypingSent.current > TYPING_SEND_EVERY_MS) {
              lastTypingSent.current = Date.now();
              typingSignal.mutate({ chatId });
            }
          }}
        />
      )}
      {role === 'dealer' && data.status === 'closed' && <RatingForm chatId={chatId} rating={data.rating} />}
    </section>
  );
}
