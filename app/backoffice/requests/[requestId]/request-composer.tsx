'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import type { RequestDetailDto } from '@/server/requests/schemas';
import { useErrorText } from '../../../_components/error-text';
import { useTRPC } from '../../../_components/trpc-provider';

/**
 * The back office writes: a reply the subscriber gets (by the link, SMS or e-mail), or an internal
 * note only colleagues see. A canned reply comes in with its placeholders filled for this request.
 */
export function RequestComposer({ request, onDone }: { request: RequestDetailDto; onDone: () => Promise<void> }) {
  const t = useTranslations('requests.detail');
  const locale = useLocale();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const id = useId();
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const canned = useQuery(trpc.backoffice.requests.cannedReplies.queryOptions(undefined, { staleTime: 60_000 }));
  const queryClient = useQueryClient();
  const [rendering, setRendering] = useState(false);
  // The reply's placeholders ({number}, {name}, {category}, {due}) are filled in by the server for this request.
  const insertCanned = async (cannedReplyId: string) => {
    setRendering(true);
    try {
      const rendered = await queryClient.fetchQuery(trpc.backoffice.requests.renderCanned.queryOptions({ id: request.id, cannedReplyId }));
      setBody((b) => (b.trim() ? `${b}\n${rendered.body}` : rendered.body));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRendering(false);
    }
  };
  const done = {
    onSuccess: async () => {
      setBody('');
      setError(null);
      await onDone();
    },
    onError: (e: unknown) => setError(errorText(e)),
  };
  const reply = useMutation(trpc.backoffice.requests.reply.mutationOptions(done));
  const note = useMutation(trpc.backoffice.requests.note.mutationOptions(done));
  const busy = reply.isPending || note.isPending;
  const options = canned.data ?? [];
  // Canned replies are in the subscriber's language, whatever the employee's.
  const titleOf = (r: { titleUk: string; titleEn: string }) => (request.locale === 'en' ? r.titleEn : locale === 'en' ? r.titleEn : r.titleUk);

  return (
    <form
      className={`flex flex-col gap-2 rounded-lg border p-4 ${mode === 'note' ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'}`}
      onSubmit={(e) => {
        e.preventDefault();
        const text = body.trim();
        if (!text) return;
        if (mode === 'reply') reply.mutate({ id: request.id, body: text });
        else note.mutate({ id: request.id, body: text });
      }}
      data-testid="request-composer"
      data-mode={mode}
    >
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">{t('mode')}</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name={`${id}-mode`} checked={mode === 'reply'} onChange={() => setMode('reply')} />
          {t('reply')}
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name={`${id}-mode`} checked={mode === 'note'} onChange={() => setMode('note')} />
          {t('note')}
          <span className="text-xs text-slate-500">({t('internalHint')})</span>
        </label>
      </fieldset>
      {mode === 'reply' && (
        <label className="flex items-center gap-2 text-sm">
          {t('cannedReplies')}
          <select
            value=""
            disabled={options.length === 0 || rendering}
            className="max-w-64 rounded border border-slate-300 px-2"
            onChange={(e) => {
              if (e.target.value) void insertCanned(e.target.value);
            }}
            data-testid="request-canned-picker"
          >
            <option value="">{options.length === 0 ? t('cannedRepliesEmpty') : '…'}</option>
            {options.map((r) => (
              <option key={r.id} value={r.id}>
                {titleOf(r)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor={`${id}-body`} className="sr-only">
        {mode === 'reply' ? t('reply') : t('note')}
      </label>
      <textarea id={`${id}-body`} rows={5} maxLength={20_000} value={body} onChange={(e) => setBody(e.target.value)} className="rounded border border-slate-300 bg-white px-3 py-2" data-testid="request-body" />
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy || !body.trim()} className={`self-start rounded px-4 py-2 font-medium text-white disabled:opacity-50 ${mode === 'note' ? 'bg-amber-700' : 'bg-brand-600'}`}>
        {mode === 'reply' ? t('send') : t('addNote')}
      </button>
    </form>
  );
}
