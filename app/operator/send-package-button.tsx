'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '../_components/error-text';
import { useTRPC } from '../_components/trpc-provider';
import { useHydrated } from '../_components/use-hydrated';

/** Sends a prepared package (a draft, found by EDRPOU, name or number) into this chat as one card. */
export function SendPackageButton({ chatId }: { chatId: string }) {
  const t = useTranslations('package.send');
  const trpc = useTRPC();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const drafts = useQuery({ ...trpc.package.search.queryOptions({ query, status: 'draft' }), enabled: open, placeholderData: keepPreviousData });
  const send = useMutation(
    trpc.package.send.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        setQuery('');
      },
    }),
  );
  if (!open) {
    return (
      <button type="button" className="rounded border border-slate-300 px-3 text-sm" disabled={!hydrated} onClick={() => setOpen(true)}>
        {t('action')}
      </button>
    );
  }
  return (
    <div className="flex w-full flex-col gap-2 rounded border border-brand-600 bg-brand-50 p-2" data-testid="send-package">
      <div className="flex flex-wrap items-center gap-2">
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('search')}
          aria-label={t('search')}
          maxLength={100}
          autoFocus
          className="min-w-48 flex-1 rounded border border-slate-300 bg-white px-2 text-sm"
        />
        <Link href="/operator/packages" className="text-sm text-brand-700 underline">
          {t('manage')}
        </Link>
        <button type="button" className="rounded border border-slate-300 bg-white px-3 text-sm" onClick={() => setOpen(false)}>
          {t('close')}
        </button>
      </div>
      {drafts.data?.length === 0 && <p className="text-sm text-slate-500">{t('none')}</p>}
      <ul className="flex max-h-56 flex-col gap-1 overflow-y-auto" data-testid="send-package-results">
        {drafts.data?.slice(0, 10).map((p) => (
          <li key={p.id} className="flex flex-wrap items-center gap-2 rounded border border-slate-200 bg-white px-2 py-1 text-sm" data-testid="send-package-item">
            <span className="font-mono text-xs">{p.number}</span>
            <span className="min-w-0 flex-1 truncate font-medium">{p.title}</span>
            {p.edrpou && <span className="text-xs text-slate-500">{p.edrpou}</span>}
            <button type="button" disabled={send.isPending} className="rounded bg-brand-600 px-3 text-white disabled:opacity-50" onClick={() => send.mutate({ packageId: p.id, chatId })}>
              {t('send')}
            </button>
          </li>
        ))}
      </ul>
      {send.error && (
        <p role="alert" className="text-sm text-red-700">
          {errorText(send.error)}
        </p>
      )}
    </div>
  );
}
