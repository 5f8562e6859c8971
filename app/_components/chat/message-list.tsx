'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { MessageDto } from '@/server/chat/schemas';
import { ApplicationCard } from '../application/application-card';
import { PackageCard } from '../application/package-card';
import { formatTime } from './format';
import { MessageText } from './message-text';
import type { PendingMessage } from './use-outbox';

function SystemText({ body }: { body: string }) {
  const t = useTranslations('chat.system');
  try {
    const { key, params } = JSON.parse(body) as { key: string; params: Record<string, string> };
    return <>{t.has(key) ? t(key, params) : key}</>;
  } catch {
    return <>{body}</>;
  }
}

function Attachment({ attachment }: { attachment: NonNullable<MessageDto['attachment']> }) {
  const href = `/api/attachments/${attachment.id}`;
  if (attachment.mime.startsWith('image/')) {
    return (
      <a href={href} target="_blank" rel="noopener noreferrer">
        <img src={href} alt={attachment.fileName} loading="lazy" className="max-h-48 rounded border border-slate-200" data-testid="attachment-image" />
      </a>
    );
  }
  return (
    <a href={`${href}?download=1`} className="underline" data-testid="attachment-file">
      📄 {attachment.fileName} ({Math.ceil(attachment.size / 1024)} KB)
    </a>
  );
}

export function MessageList({
  messages,
  pending,
  myId,
  readByOther,
  role,
}: {
  messages: MessageDto[];
  pending: PendingMessage[];
  myId: string;
  readByOther: number;
  /** Who is looking: a package card offers the dealer to open it, others a link. */
  role?: string;
}) {
  const t = useTranslations('chat');
  const locale = useLocale();
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // Scroll the conversation, not the page: the chat often sits beside an application form.
    const scroller = end.current?.closest('[data-chat-scroll]');
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }, [messages.length, pending.length]);
  const lastOwnSeq = [...messages].reverse().find((m) => m.authorId === myId)?.seq ?? 0;

  return (
    <ol className="flex flex-col gap-2 p-3" data-testid="messages" aria-live="polite">
      {messages.map((m) => {
        if (m.kind === 'system') {
          return (
            <li key={m.id} className="self-center text-center text-xs text-slate-600" data-testid="system-message">
              <SystemText body={m.body} /> · {formatTime(m.createdAt, locale)}
            </li>
          );
        }
        const mine = m.authorId === myId;
        return (
          <li
            key={m.id}
            data-testid="message"
            data-seq={m.seq}
            className={`max-w-[80%] rounded-lg px-3 py-2 ${mine ? 'self-end bg-brand-600 text-white' : m.kind === 'note' ? 'self-start border border-amber-300 bg-amber-50' : 'self-start bg-white shadow-sm'}`}
          >
            {!mine && <div className="text-xs font-medium opacity-70">{m.kind === 'note' ? `${t('note')} · ${m.authorName}` : m.authorName}</div>}
            {m.kind === 'attachment' && m.attachment ? (
              <Attachment attachment={m.attachment} />
            ) : m.kind === 'application' ? (
              <ApplicationCard body={m.body} />
            ) : m.kind === 'prefill' ? (
              <PackageCard body={m.body} role={role} />
            ) : (
              <MessageText text={m.body} />
            )}
            <div className="mt-1 text-right text-[11px] opacity-70">
              {formatTime(m.createdAt, locale)}
              {mine && m.seq === lastOwnSeq && <span data-testid="receipt"> · {readByOther >= m.seq ? t('read') : t('delivered')}</span>}
            </div>
          </li>
        );
      })}
      {pending.map((p) => (
        <li key={p.clientId} className="max-w-[80%] self-end rounded-lg bg-brand-100 px-3 py-2 text-slate-700" data-testid="pending-message">
          <MessageText text={p.text} />
          <div className="mt-1 text-right text-[11px] opacity-70">⏳ {t('pending')}</div>
        </li>
      ))}
      <li ref={end} aria-hidden="true" />
    </ol>
  );
}
