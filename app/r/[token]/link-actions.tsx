'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useErrorText } from '../../_components/error-text';
import { requestsClient, toUpload } from '../../_components/requests/requests-client';
import { useHydrated } from '../../_components/use-hydrated';

/** What the subscriber may do through the link now: answer (with files), add files, close, reopen, rate. */
export function LinkActions({ token, can, rating }: { token: string; can: { reply: boolean; close: boolean; reopen: boolean; rate: boolean }; rating: number | null }) {
  const t = useTranslations('requests.link');
  const router = useRouter();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const id = useId();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const client = requestsClient();

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setText('');
      setFiles([]);
      router.refresh();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const pending = busy || !hydrated;
  const writable = can.reply || can.reopen;

  return (
    <div className="flex flex-col gap-4">
      {writable && (
        <form
          className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
          onSubmit={(e) => {
            e.preventDefault();
            const body = text.trim();
            void run(async () => {
              const uploads = await Promise.all(files.map(toUpload));
              if (can.reply) {
                if (body) await client.requests.link.reply.mutate({ token, text: body, files: uploads });
                else if (uploads.length > 0) await client.requests.link.addFiles.mutate({ token, files: uploads });
              } else await client.requests.link.reopen.mutate({ token, text: body || undefined });
            });
          }}
          data-testid="request-reply-form"
        >
          {can.reopen && !can.reply && <p className="text-sm text-slate-600">{t('reopenHint')}</p>}
          <label htmlFor={`${id}-text`} className="text-sm font-medium">
            {t('reply')}
          </label>
          <textarea id={`${id}-text`} rows={4} maxLength={20_000} value={text} onChange={(e) => setText(e.target.value)} className="rounded border border-slate-300 px-3 py-2" />
          {can.reply && (
            <label className="flex flex-col gap-1 text-sm">
              {t('addFiles')}
              <input type="file" multiple accept="image/jpeg,image/png,application/pdf" onChange={(e) => setFiles(Array.from(e.target.files ?? []).slice(0, 5))} data-testid="request-reply-files" />
            </label>
          )}
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={pending || (!text.trim() && files.length === 0 && can.reply)} className="rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-50">
              {can.reply ? t('send') : t('reopen')}
            </button>
          </div>
        </form>
      )}
      {can.close && (
        <button
          type="button"
          disabled={pending}
          className="self-start rounded border border-slate-400 px-4 py-2 font-medium"
          onClick={() => {
            if (window.confirm(t('closeConfirm'))) void run(() => client.requests.link.close.mutate({ token }));
          }}
        >
          {t('close')}
        </button>
      )}
      {can.rate && (
        <form
          className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (score >= 1) void run(() => client.requests.link.rate.mutate({ token, rating: score, comment: comment.trim() || undefined }));
          }}
          data-testid="request-rate-form"
        >
          <fieldset className="flex flex-col gap-2">
            <legend className="font-medium">{t('rateTitle')}</legend>
            <div className="flex gap-1">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className="cursor-pointer text-2xl" title={t('rateStar', { count: n })}>
                  <input type="radio" name="rating" value={n} className="sr-only" checked={score === n} onChange={() => setScore(n)} aria-label={t('rateStar', { count: n })} />
                  <span aria-hidden="true" className={n <= score ? 'text-amber-500' : 'text-slate-300'}>
                    ★
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <label className="flex flex-col gap-1 text-sm">
            {t('rateComment')}
            <textarea rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} className="rounded border border-slate-300 px-3 py-2" />
          </label>
          <button type="submit" disabled={pending || score < 1} className="self-start rounded bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-50">
            {t('rate')}
          </button>
        </form>
      )}
      {rating !== null && (
        <p className="text-green-800" data-testid="request-rated">
          {t('rated', { score: rating })}
        </p>
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
