'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '../_components/error-text';
import { useTRPC } from '../_components/trpc-provider';

/**
 * A subscriber's chat the operator cannot settle becomes a written request for the back office:
 * a subject, an optional summary; the chat's conversation goes with it and the subscriber gets the
 * request's private link.
 */
export function ChatToRequestButton({ chatId }: { chatId: string }) {
  const t = useTranslations('requests.fromChat');
  const locale = useLocale();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState('');
  const [text, setText] = useState('');
  const categories = useQuery(trpc.requests.categories.queryOptions(undefined, { enabled: open, staleTime: 300_000 }));
  const create = useMutation(trpc.requests.fromChat.mutationOptions({ onSuccess: () => setOpen(false) }));
  if (!open) {
    return (
      <>
        <button type="button" className="rounded border border-slate-300 px-3 text-sm" onClick={() => setOpen(true)} data-testid="chat-to-request">
          {t('button')}
        </button>
        {create.data && (
          <span role="status" className="text-xs text-green-800" data-testid="chat-request-created">
            {t('created', { number: create.data.number })}
          </span>
        )}
      </>
    );
  }
  return (
    <form
      className="flex w-full flex-col gap-2 rounded border border-slate-200 p-2"
      aria-label={t('title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (category) create.mutate({ chatId, category, text: text.trim() || undefined });
      }}
      data-testid="chat-to-request-form"
    >
      <p className="text-xs text-slate-600">{t('hint')}</p>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-xs">
          {t('category')}
          <select required value={category} onChange={(e) => setCategory(e.target.value)} className="rounded border border-slate-300 px-2 text-sm">
            <option value="">—</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.key} value={c.key}>
                {locale === 'en' ? c.nameEn : c.nameUk}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-48 flex-1 flex-col text-xs">
          {t('summary')}
          <input value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} className="rounded border border-slate-300 px-2 text-sm" />
        </label>
        <button type="submit" disabled={!category || create.isPending} className="rounded bg-brand-600 px-3 text-sm text-white disabled:opacity-50">
          {t('create')}
        </button>
        <button type="button" className="rounded border border-slate-300 px-3 text-sm" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
      {create.error && (
        <span role="alert" className="text-xs text-red-700">
          {errorText(create.error)}
        </span>
      )}
    </form>
  );
}
