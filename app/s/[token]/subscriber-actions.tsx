'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '../../_components/error-text';
import { useHydrated } from '../../_components/use-hydrated';

/** A tRPC error as it comes over the wire: its `data` carries the message key (see useErrorText). */
interface ProcedureError {
  message: string;
  data?: { code?: string; messageKey?: string; params?: Record<string, string | number> };
}

/**
 * One call of a subscriber procedure as tRPC's HTTP link makes it (POST /api/trpc/<path>, superjson's
 * `{ json }` envelope; both inputs are plain strings), without shipping the tRPC client and
 * react-query to a page that makes two calls. Resolves to the error, or null on success.
 */
async function callProcedure(path: 'subscriber.confirm' | 'subscriber.dispute', input: Record<string, string>): Promise<ProcedureError | null> {
  try {
    const response = await fetch(`/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: input }) });
    if (response.ok) return null;
    const body = (await response.json().catch(() => null)) as { error?: { json?: ProcedureError } } | null;
    return body?.error?.json ?? { message: '' };
  } catch {
    return { message: '' };
  }
}

/** "Yes, I asked for this" and/or "This was not me" (with a comment), under the page's question or prompt. */
export function SubscriberActions({ token, canConfirm, canDispute, prompt }: { token: string; canConfirm: boolean; canDispute: boolean; prompt: string }) {
  const t = useTranslations('subscriber');
  const router = useRouter();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [disputing, setDisputing] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ProcedureError | null>(null);
  const call = async (path: 'subscriber.confirm' | 'subscriber.dispute', input: Record<string, string>) => {
    setBusy(true);
    setError(null);
    const failure = await callProcedure(path, input);
    setBusy(false);
    if (failure) setError(failure);
    else router.refresh();
  };
  const pending = busy || !hydrated;
  if (!canConfirm && !canDispute) return null;
  return (
    <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-700">{prompt}</p>
      <div className="flex flex-wrap gap-2">
        {canConfirm && (
          <button type="button" disabled={pending} className="rounded bg-green-700 px-4 py-2 font-medium text-white disabled:opacity-50" onClick={() => void call('subscriber.confirm', { token })}>
            {t('confirm')}
          </button>
        )}
        {canDispute && !disputing && (
          <button type="button" disabled={pending} className="rounded border border-red-500 px-4 py-2 font-medium text-red-800" onClick={() => setDisputing(true)}>
            {t('dispute')}
          </button>
        )}
      </div>
      {disputing && (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void call('subscriber.dispute', { token, comment });
          }}
        >
          <label className="flex flex-col gap-1 text-sm">
            {t('disputeComment')}
            <textarea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} className="rounded border border-slate-300 p-2" data-testid="dispute-comment" />
          </label>
          <button type="submit" disabled={pending} className="self-start rounded bg-red-700 px-4 py-2 font-medium text-white disabled:opacity-50">
            {t('sendDispute')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}
