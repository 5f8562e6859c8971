'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useErrorText } from '../../_components/error-text';
import { useTRPC } from '../../_components/trpc-provider';
import { useHydrated } from '../../_components/use-hydrated';

/** "Yes, I asked for this" and/or "This was not me" (with a comment), under the page's question or prompt. */
export function SubscriberActions({ token, canConfirm, canDispute, prompt }: { token: string; canConfirm: boolean; canDispute: boolean; prompt: string }) {
  const t = useTranslations('subscriber');
  const trpc = useTRPC();
  const router = useRouter();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [disputing, setDisputing] = useState(false);
  const [comment, setComment] = useState('');
  const done = { onSuccess: () => router.refresh() };
  const confirm = useMutation(trpc.subscriber.confirm.mutationOptions(done));
  const dispute = useMutation(trpc.subscriber.dispute.mutationOptions(done));
  const pending = confirm.isPending || dispute.isPending || !hydrated;
  if (!canConfirm && !canDispute) return null;
  return (
    <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <p className="text-sm text-slate-700">{prompt}</p>
      <div className="flex flex-wrap gap-2">
        {canConfirm && (
          <button type="button" disabled={pending} className="rounded bg-green-700 px-4 py-2 font-medium text-white disabled:opacity-50" onClick={() => confirm.mutate({ token })}>
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
            dispute.mutate({ token, comment });
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
      {(confirm.error ?? dispute.error) && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {errorText(confirm.error ?? dispute.error)}
        </p>
      )}
    </section>
  );
}
