'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { ALLOWED_ATTACHMENT_TYPES, CHAT_LIMITS } from '@/server/chat/chat-limits';
import type { WidgetChatDto, WidgetMessageDto } from '@/server/widget/schemas';
import { useErrorText } from '../_components/error-text';
import { formatTime } from '../_components/chat/format';
import { QueueOutlook, type QueuePlace } from '../_components/chat/queue-outlook';
import { useOutbox, type PendingMessage } from '../_components/chat/use-outbox';
import { AfterChat } from './after-chat';
import { ProveForm } from './prove-form';
import { widgetStorage } from './widget-storage';
import { bearer, useWidgetTRPC } from './widget-trpc';

const TYPING_EVERY_MS = 3000;
/** The visitor's own messages: the widget writes as the chat's subscriber (a guest too). */
const mine = (m: WidgetMessageDto) => m.authorRole === 'subscriber';

export interface ChatLive {
  typing: string | null;
  queuePlace: QueuePlace | null;
  verificationAsked: boolean;
}

/** The conversation: messages both ways, typing, read marks, a photo, messages kept while offline. */
export function ChatPanel({
  chat,
  live,
  shown,
  online,
  email,
  proven,
  ensureSession,
  onProven,
  onNewChat,
  onUnread,
}: {
  chat: WidgetChatDto;
  live: ChatLive;
  shown: boolean;
  online: boolean;
  email: string | null;
  proven: boolean;
  ensureSession: () => Promise<void>;
  onProven: () => void;
  onNewChat: () => void;
  onUnread: (count: number) => void;
}) {
  const t = useTranslations('widget');
  const tc = useTranslations('chat');
  const locale = useLocale();
  const trpc = useWidgetTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.chat.current.pathKey() });

  const send = useMutation(trpc.chat.send.mutationOptions());
  const typing = useMutation(trpc.chat.typing.mutationOptions());
  const markRead = useMutation(trpc.chat.markRead.mutationOptions());
  const leave = useMutation(trpc.chat.leave.mutationOptions({ onSuccess: () => void refresh() }));
  const { pending, enqueue, acknowledge } = useOutbox(chat.id, async (m: PendingMessage) => {
    await send.mutateAsync({ chatId: chat.id, clientId: m.clientId, body: m.text });
    await refresh();
  }, widgetStorage);

  // What the server has (by client id) leaves the outbox.
  useEffect(() => {
    acknowledge(new Set(chat.messages.flatMap((m) => (m.clientId ? [m.clientId] : []))));
  }, [chat.messages, acknowledge]);

  // Read while shown; otherwise the loader's badge counts what waits.
  const lastOther = [...chat.messages].reverse().find((m) => !mine(m))?.seq ?? 0;
  const marked = useRef(0);
  const unread = chat.messages.filter((m) => !mine(m) && m.kind !== 'note' && m.seq > Math.max(chat.visitorReadSeq, marked.current)).length;
  useEffect(() => {
    if (!shown || lastOther <= Math.max(chat.visitorReadSeq, marked.current)) return;
    if (typeof document !== 'undefined' && document.visibilityState !== 'visible') return;
    marked.current = lastOther;
    markRead.mutate({ chatId: chat.id, seq: lastOther });
  }, [shown, lastOther, chat.visitorReadSeq, chat.id, markRead]);
  useEffect(() => onUnread(shown ? 0 : unread), [shown, unread, onUnread]);

  // A screen reader hears each new message from the operator.
  const [announce, setAnnounce] = useState('');
  const seen = useRef(lastOther);
  useEffect(() => {
    const fresh = chat.messages.filter((m) => !mine(m) && m.seq > seen.current && m.kind !== 'system');
    if (fresh.length === 0) return;
    seen.current = Math.max(...fresh.map((m) => m.seq));
    setAnnounce(fresh.map((m) => t('newMessage', { name: m.authorName ?? t('operator'), text: m.kind === 'attachment' ? t('photoMessage') : m.body })).join('\n'));
  }, [chat.messages, t]);

  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  }, [chat.messages.length, pending.length, live.typing]);

  const open = chat.status === 'queued' || chat.status === 'active';
  const lastOwnRead = [...chat.messages].reverse().find((m) => mine(m) && m.seq <= chat.operatorReadSeq)?.seq ?? 0;
  const lastOwn = [...chat.messages].reverse().find(mine)?.seq ?? 0;

  return (
    <section className="flex min-h-0 flex-1 flex-col" data-testid="widget-chat" data-status={chat.status} aria-label={t('title')}>
      <div className="border-b border-slate-200 bg-white px-3 py-2 text-sm" data-testid="chat-state">
        {chat.status === 'queued' ? (
          <div>
            <p className="font-medium">{t('waitingOperator')}</p>
            {(live.queuePlace ?? chat.queue) && (
              <p data-testid="queue-place">
                {tc('queuePosition', { position: (live.queuePlace ?? chat.queue)?.position ?? 1 })} · <QueueOutlook place={(live.queuePlace ?? chat.queue) as QueuePlace} explain={false} />
              </p>
            )}
          </div>
        ) : chat.status === 'active' ? (
          <p className="font-medium">{t('withOperator', { name: chat.operatorName ?? t('operator') })}</p>
        ) : null}
      </div>
      {!online && (
        <p role="status" className="bg-amber-100 px-3 py-2 text-sm" data-testid="widget-offline">
          {t('offline')}
        </p>
      )}
      <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto bg-slate-50 p-3" data-chat-scroll>
        <ol className="flex flex-col gap-2" aria-label={t('messagesLabel')} data-testid="widget-messages">
          {chat.messages.map((m) => (
            <li key={m.id} data-testid="widget-message" data-mine={mine(m)} data-seq={m.seq} className={m.kind === 'system' ? 'self-center text-xs text-slate-500' : `max-w-[85%] rounded-lg px-3 py-2 ${mine(m) ? 'self-end bg-brand-600 text-white' : 'self-start border border-slate-200 bg-white'}`}>
              {m.kind !== 'system' && <span className="sr-only">{mine(m) ? t('you') : (m.authorName ?? t('operator'))}: </span>}
              {m.kind === 'system' ? <SystemLine body={m.body} /> : m.attachment ? <Photo attachment={m.attachment} /> : <span className="whitespace-pre-wrap break-words">{m.body}</span>}
              {m.kind !== 'system' && (
                <span className={`mt-1 block text-right text-[11px] ${mine(m) ? 'text-white/80' : 'text-slate-500'}`}>
                  {formatTime(m.createdAt, locale)}
                  {mine(m) && m.seq === lastOwn && <span data-testid="read-state"> · {lastOwnRead === m.seq ? t('read') : t('sent')}</span>}
                </span>
              )}
            </li>
          ))}
          {pending.map((m) => (
            <li key={m.clientId} data-testid="widget-pending" className="max-w-[85%] self-end rounded-lg bg-brand-600/60 px-3 py-2 text-white">
              <span className="whitespace-pre-wrap break-words">{m.text}</span>
              <span className="mt-1 block text-right text-[11px]">{tc('pending')}</span>
            </li>
          ))}
        </ol>
        {live.typing && (
          <p className="mt-2 text-sm text-slate-500" data-testid="widget-typing">
            {tc('typing', { name: live.typing })}
          </p>
        )}
      </div>
      <div aria-live="polite" role="status" className="sr-only" data-testid="widget-announce">
        {announce}
      </div>
      {open && live.verificationAsked && !proven && (
        <section className="border-t border-amber-300 bg-amber-50 p-3" data-testid="verification-request" aria-labelledby={`${chat.id}-verify`}>
          <h2 id={`${chat.id}-verify`} className="mb-2 text-sm font-medium">
            {t('verificationRequested')}
          </h2>
          <ProveForm ensureSession={ensureSession} onProven={onProven} autoFocus />
        </section>
      )}
      {open ? (
        <Composer
          chatId={chat.id}
          disabled={!chat.canWrite}
          onSend={(text) => enqueue(text)}
          onTyping={() => {
            if (typing.isPending) return;
            typing.mutate({ chatId: chat.id });
          }}
          onUploaded={() => void refresh()}
          leave={() => leave.mutate({ chatId: chat.id })}
          leaveError={leave.error ? errorText(leave.error) : null}
        />
      ) : (
        <AfterChat chatId={chat.id} canRate={chat.canRate} rating={chat.rating} email={email} onNewChat={onNewChat} />
      )}
    </section>
  );
}

function SystemLine({ body }: { body: string }) {
  const t = useTranslations('chat.system');
  try {
    const { key, params } = JSON.parse(body) as { key: string; params: Record<string, string> };
    return <>{t.has(key) ? t(key, params) : key}</>;
  } catch {
    return <>{body}</>;
  }
}

/** A photo of the chat, read with the bearer token (an <img> cannot send it) and shown from a blob: URL. */
function Photo({ attachment }: { attachment: NonNullable<WidgetMessageDto['attachment']> }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!attachment.mime.startsWith('image/')) return;
    let url: string | null = null;
    let cancelled = false;
    void fetch(`/api/widget/attachments/${attachment.id}`, { headers: bearer(), credentials: 'omit' })
      .then(async (response) => {
        if (!response.ok || cancelled) return;
        url = URL.createObjectURL(await response.blob());
        setSrc(url);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [attachment.id, attachment.mime]);
  return src ? (
    <img src={src} alt={attachment.fileName} className="max-h-48 rounded" data-testid="widget-photo" />
  ) : (
    <span data-testid="widget-photo-name">📷 {attachment.fileName}</span>
  );
}

function Composer({
  chatId,
  disabled,
  onSend,
  onTyping,
  onUploaded,
  leave,
  leaveError,
}: {
  chatId: string;
  disabled: boolean;
  onSend: (text: string) => void;
  onTyping: () => void;
  onUploaded: () => void;
  leave: () => void;
  leaveError: string | null;
}) {
  const t = useTranslations('widget');
  const tc = useTranslations('chat');
  const errorText = useErrorText();
  const id = useId();
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const lastTyping = useRef(0);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  const trimmed = text.trim();
  const tooLong = text.length > CHAT_LIMITS.maxMessageLength;

  const submit = () => {
    if (!trimmed || tooLong) return;
    onSend(trimmed);
    setText('');
  };

  const upload = async (file: File) => {
    setNotice(null);
    if (!(ALLOWED_ATTACHMENT_TYPES as readonly string[]).includes(file.type) || file.type === 'application/pdf') return setNotice(t('photoType'));
    if (file.size > CHAT_LIMITS.maxAttachmentBytes) return setNotice(t('photoTooLarge', { size: CHAT_LIMITS.maxAttachmentBytes / 1024 / 1024 }));
    setUploading(true);
    const form = new FormData();
    form.set('file', file);
    form.set('clientId', crypto.randomUUID());
    try {
      const response = await fetch(`/api/widget/chats/${chatId}/attachments`, { method: 'POST', body: form, headers: bearer(), credentials: 'omit' });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
        setNotice(errorText(body?.error, tc('uploadFailed')));
      } else onUploaded();
    } catch {
      setNotice(tc('uploadFailed'));
    } finally {
      setUploading(false);
    }
  };

  const photoInput = (capture: boolean) => (
    <label className="cursor-pointer rounded border border-slate-300 px-2 py-1 text-sm has-[:focus-visible]:outline has-[:focus-visible]:outline-2">
      <span aria-hidden="true">{capture ? '📷' : '🖼'}</span>
      <span className="sr-only sm:not-sr-only sm:ml-1">{capture ? t('camera') : t('gallery')}</span>
      <input
        type="file"
        accept="image/jpeg,image/png"
        {...(capture ? { capture: 'environment' as const } : {})}
        className="sr-only"
        aria-label={capture ? t('camera') : t('gallery')}
        data-testid={capture ? 'widget-camera' : 'widget-gallery'}
        disabled={uploading || disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
          e.target.value = '';
        }}
      />
    </label>
  );

  return (
    <div className="border-t border-slate-200 bg-white p-2">
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor={`${id}-text`} className="sr-only">
          {tc('messagePlaceholder')}
        </label>
        <textarea
          ref={box}
          id={`${id}-text`}
          rows={2}
          placeholder={tc('messagePlaceholder')}
          value={text}
          disabled={disabled}
          className={`min-w-0 flex-1 resize-none rounded border px-3 py-2 ${tooLong ? 'border-red-500' : 'border-slate-300'}`}
          onChange={(e) => {
            setText(e.target.value);
            if (Date.now() - lastTyping.current > TYPING_EVERY_MS) {
              lastTyping.current = Date.now();
              onTyping();
            }
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <button type="submit" disabled={!trimmed || tooLong || disabled} className="rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-50">
          {tc('send')}
        </button>
      </form>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {photoInput(true)}
        {photoInput(false)}
        {uploading && <span className="text-sm text-slate-500">{t('sending')}</span>}
        <span className="ml-auto" />
        {confirmLeave ? (
          <>
            <span className="text-sm">{t('leaveConfirm')}</span>
            <button type="button" className="rounded bg-red-700 px-3 py-1 text-sm text-white" onClick={leave}>
              {t('leave')}
            </button>
            <button type="button" className="rounded border border-slate-300 px-3 py-1 text-sm" onClick={() => setConfirmLeave(false)}>
              {t('keepChatting')}
            </button>
          </>
        ) : (
          <button type="button" className="rounded border border-slate-300 px-3 py-1 text-sm" onClick={() => setConfirmLeave(true)}>
            {t('leave')}
          </button>
        )}
      </div>
      {(notice || leaveError) && (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {notice ?? leaveError}
        </p>
      )}
    </div>
  );
}
