'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '../error-text';
import { useTRPC } from '../trpc-provider';
import { CHAT_LIMITS } from '@/server/chat/chat-limits';

/** After the chat: 1–5 stars and an optional comment, or skip. */
export function RatingForm({ chatId, rating }: { chatId: string; rating: number | null }) {
  const t = useTranslations('chat');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [skipped, setSkipped] = useState(false);
  const rate = useMutation(
    trpc.chat.rate.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.chat.get.queryKey({ chatId }) }) }),
  );
  if (rating) return <p className="border-t border-slate-200 bg-white p-3 text-sm" data-testid="rated">{t('rated', { rating })}</p>;
  if (skipped) return null;
  return (
    <form
      className="flex flex-col gap-2 border-t border-slate-200 bg-white p-3"
      data-testid="rating-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (stars) rate.mutate({ chatId, rating: stars, comment: comment || undefined });
      }}
    >
      <fieldset className="flex items-center gap-1">
        <legend className="mb-1 text-sm font-medium">{t('rateTitle')}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            aria-label={`${n}`}
            aria-pressed={stars === n}
            className={`w-11 rounded text-2xl ${n <= stars ? 'text-amber-500' : 'text-slate-300'}`}
            onClick={() => setStars(n)}
          >
            ★
          </button>
        ))}
      </fieldset>
      <input aria-label={t('rateComment')} placeholder={t('rateComment')} maxLength={CHAT_LIMITS.maxRatingComment} value={comment} onChange={(e) => setComment(e.target.value)} className="rounded border border-slate-300 px-3" />
      {rate.error && <p role="alert" className="text-sm text-red-700">{errorText(rate.error)}</p>}
      <div className="flex gap-2">
        <button type="submit" disabled={!stars || rate.isPending} className="rounded bg-brand-600 px-4 text-white disabled:opacity-50">
          {t('rateSend')}
        </button>
        <button type="button" className="rounded border border-slate-300 px-4" onClick={() => setSkipped(true)}>
          {t('rateSkip')}
        </button>
      </div>
    </form>
  );
}
