'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { CHAT_LIMITS } from '@/server/chat/chat-limits';
import { useErrorText } from '../_components/error-text';
import { useWidgetTRPC } from './widget-trpc';

/** Once the chat has ended: the rating (1–5 and a comment), the transcript by e-mail, a new chat. */
export function AfterChat({ chatId, canRate, rating, email, onNewChat }: { chatId: string; canRate: boolean; rating: number | null; email: string | null; onNewChat: () => void }) {
  const t = useTranslations('widget');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="flex flex-col gap-3 border-t border-slate-200 bg-white p-3" data-testid="after-chat" aria-labelledby={`${chatId}-ended`}>
      <h2 id={`${chatId}-ended`} ref={heading} tabIndex={-1} className="font-medium outline-none">
        {t('ended')}
      </h2>
      {canRate ? <RatingForm chatId={chatId} /> : rating !== null && <p data-testid="rated">{t('rated')}</p>}
      <TranscriptForm chatId={chatId} email={email} />
      <button type="button" className="self-start rounded border border-slate-300 px-4 py-2" onClick={onNewChat}>
        {t('newChat')}
      </button>
    </section>
  );
}

function RatingForm({ chatId }: { chatId: string }) {
  const t = useTranslations('widget');
  const trpc = useWidgetTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const id = useId();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const rate = useMutation(trpc.chat.rate.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.chat.current.pathKey() }) }));
  return (
    <form
      className="flex flex-col gap-2"
      data-testid="rating-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (stars) rate.mutate({ chatId, rating: stars, comment: comment.trim() || undefined });
      }}
    >
      <fieldset className="flex flex-wrap items-center gap-1">
        <legend className="mb-1 text-sm font-medium">{t('rateTitle')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={`cursor-pointer text-3xl ${n <= stars ? 'text-amber-500' : 'text-slate-300'} has-[:focus-visible]:outline has-[:focus-visible]:outline-2`}>
            <input type="radio" name={`${id}-stars`} value={n} checked={stars === n} onChange={() => setStars(n)} className="sr-only" aria-label={t('star', { count: n })} />
            <span aria-hidden="true">★</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-comment`} className="text-sm">
        {t('rateComment')}
      </label>
      <textarea id={`${id}-comment`} rows={2} maxLength={CHAT_LIMITS.maxRatingComment} value={comment} onChange={(e) => setComment(e.target.value)} className="rounded border border-slate-300 px-3 py-2" />
      {rate.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorText(rate.error)}
        </p>
      )}
      <button type="submit" disabled={!stars || rate.isPending} className="self-start rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-50">
        {t('rateSend')}
      </button>
    </form>
  );
}

function TranscriptForm({ chatId, email }: { chatId: string; email: string | null }) {
  const t = useTranslations('widget');
  const trpc = useWidgetTRPC();
  const errorText = useErrorText();
  const id = useId();
  const [address, setAddress] = useState(email ?? '');
  const send = useMutation(trpc.chat.transcript.mutationOptions());
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 underline">{t('transcriptTitle')}</summary>
      <form
        className="mt-2 flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          send.mutate({ chatId, email: address.trim() });
        }}
      >
        <label htmlFor={`${id}-email`}>{t('email')}</label>
        <input id={`${id}-email`} type="email" autoComplete="email" required value={address} onChange={(e) => setAddress(e.target.value)} className="rounded border border-slate-300 px-3 py-2" />
        {send.isError && (
          <p role="alert" className="text-red-700">
            {errorText(send.error)}
          </p>
        )}
        {send.isSuccess && <p role="status">{t('transcriptSent', { email: address.trim() })}</p>}
        <button type="submit" disabled={send.isPending} className="self-start rounded border border-slate-300 px-4 py-2">
          {t('transcriptSend')}
        </button>
      </form>
    </details>
  );
}
