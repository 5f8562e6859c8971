'use client';

import { useMutation } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ReviewDto } from '@/server/backoffice/review';
import { REJECT_REASONS, type RejectReason } from '@/server/backoffice/reject-reasons';
import { useErrorText } from '../../../_components/error-text';
import { useTRPC } from '../../../_components/trpc-provider';
import { useHydrated } from '../../../_components/use-hydrated';

/**
 * Claim, then approve (after a confirmation), reject with a reason, or return with remarks; the
 * decisions stay disabled, saying why, until this employee holds the application. A second employee sees who
 * holds the application; if someone decided first, the server says who, and the page reloads.
 */
export function DecisionPanel({ review, onChanged }: { review: ReviewDto; onChanged: () => void }) {
  const t = useTranslations('backoffice');
  const reasons = useTranslations('backoffice.reasons');
  const guard = useTranslations('simGuard.backoffice');
  const format = useFormatter();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [mode, setMode] = useState<'none' | 'approve' | 'reject' | 'return'>('none');
  const [reason, setReason] = useState<RejectReason | ''>('');
  const [comment, setComment] = useState('');
  const [note, setNote] = useState('');
  const { application, claim } = review;
  const options = { onSuccess: () => { setMode('none'); onChanged(); }, onError: onChanged };
  const claimIt = useMutation(trpc.backoffice.claim.mutationOptions(options));
  const release = useMutation(trpc.backoffice.release.mutationOptions(options));
  const approve = useMutation(trpc.backoffice.approve.mutationOptions(options));
  const reject = useMutation(trpc.backoffice.reject.mutationOptions(options));
  const giveBack = useMutation(trpc.backoffice.return.mutationOptions(options));
  const error = [claimIt, release, approve, reject, giveBack].find((m) => m.error)?.error;
  const pending = [claimIt, release, approve, reject, giveBack].some((m) => m.isPending) || !hydrated;

  if (application.status !== 'submitted' && application.status !== 'disputed') return error ? <ErrorLine text={errorText(error)} /> : null;
  const id = application.id;
  const version = application.version;
  const heldByOther = claim !== null && !claim.mine;
  const mine = claim?.mine === true;
  // Sensitive: confirmed through a link, or the waiting period of a subscriber without another contact passed (server/subscriber/confirmation-state.ts).
  const canApprove = application.status === 'submitted' && review.confirmation.settled;

  return (
    <section className="flex flex-col gap-3 rounded-lg border border-brand-600 bg-brand-50 p-4" data-testid="decision-panel">
      <div className="flex flex-wrap items-center gap-2">
        {claim?.mine ? (
          <>
            <span className="text-sm text-green-800">{t('youHoldIt')}</span>
            <button type="button" disabled={pending} className="rounded border border-slate-300 px-3 text-sm" onClick={() => release.mutate({ applicationId: id })}>
              {t('release')}
            </button>
          </>
        ) : heldByOther ? (
          <span className="text-sm font-medium text-amber-900" data-testid="claimed-by-other">
            {t('claimedBy', { name: claim.name })}
          </span>
        ) : (
          <button type="button" disabled={pending} className="rounded bg-slate-800 px-4 text-white" onClick={() => claimIt.mutate({ applicationId: id })}>
            {t('claim')}
          </button>
        )}
      </div>
      {!canApprove && application.status === 'submitted' && (
        <p className="text-sm text-amber-900" data-testid="cannot-approve-yet">
          {review.confirmation.waitingPeriodEndsAt ? guard('noContact', { date: format.dateTime(review.confirmation.waitingPeriodEndsAt, { dateStyle: 'short', timeStyle: 'short' }) }) : t('cannotApproveYet')}
        </p>
      )}
      {application.status === 'disputed' && <p className="text-sm text-red-800">{t('disputedOnlyReject')}</p>}
      {!heldByOther && !mine && (
        <p className="text-sm text-slate-700" id="decide-needs-claim" data-testid="decide-needs-claim">
          {t('claimFirst')}
        </p>
      )}
      {!heldByOther && (
        <div className="flex flex-wrap gap-2" aria-describedby={mine ? undefined : 'decide-needs-claim'}>
          <button type="button" disabled={pending || !mine || !canApprove} className="rounded bg-green-700 px-4 font-medium text-white disabled:opacity-50" onClick={() => setMode(mode === 'approve' ? 'none' : 'approve')}>
            {t('approve')}
          </button>
          <button type="button" disabled={pending || !mine} className="rounded border border-red-400 px-4 font-medium text-red-800 disabled:opacity-50" onClick={() => setMode(mode === 'reject' ? 'none' : 'reject')}>
            {t('reject')}
          </button>
          {application.status === 'submitted' && (
            <button type="button" disabled={pending || !mine} className="rounded border border-amber-500 px-4 font-medium text-amber-900 disabled:opacity-50" onClick={() => setMode(mode === 'return' ? 'none' : 'return')}>
              {t('return')}
            </button>
          )}
        </div>
      )}
      {mode === 'approve' && mine && canApprove && (
        <div role="alertdialog" aria-labelledby="approve-question" className="flex flex-col gap-2 rounded border border-green-700 bg-white p-3" data-testid="approve-confirmation">
          <p id="approve-question" className="font-medium">
            {t('approveQuestion', { number: application.number })}
          </p>
          <p className="text-sm text-slate-700">{t('approveFinal')}</p>
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={pending} className="rounded bg-green-700 px-4 font-medium text-white disabled:opacity-50" onClick={() => approve.mutate({ applicationId: id, version })}>
              {t('confirmApprove')}
            </button>
            <button type="button" disabled={pending} className="rounded border border-slate-300 px-4" onClick={() => setMode('none')}>
              {t('cancelDecision')}
            </button>
          </div>
        </div>
      )}
      {mode === 'reject' && mine && (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason) reject.mutate({ applicationId: id, version, reason, comment });
          }}
        >
          <label className="flex flex-col gap-1 text-sm">
            {t('reasonLabel')}
            <select value={reason} onChange={(e) => setReason(e.target.value as RejectReason)} required className="rounded border border-slate-300 px-2" data-testid="reject-reason">
              <option value="">—</option>
              {REJECT_REASONS.map((r) => (
                <option key={r} value={r}>
                  {reasons(r)}
                </option>
              ))}
            </select>
          </label>
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} placeholder={t('commentPlaceholder')} aria-label={t('commentPlaceholder')} className="rounded border border-slate-300 p-2 text-sm" />
          <button type="submit" disabled={pending || !reason} className="self-start rounded bg-red-700 px-4 font-medium text-white disabled:opacity-50">
            {t('confirmReject')}
          </button>
        </form>
      )}
      {mode === 'return' && mine && (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            giveBack.mutate({ applicationId: id, version, remarks: {}, note });
          }}
        >
          <textarea value={note} onChange={(e) => setNote(e.target.value)} required maxLength={2000} placeholder={t('returnPlaceholder')} aria-label={t('returnPlaceholder')} className="rounded border border-slate-300 p-2 text-sm" data-testid="return-note" />
          <button type="submit" disabled={pending || !note.trim()} className="self-start rounded bg-amber-800 px-4 font-medium text-white disabled:opacity-50">
            {t('confirmReturn')}
          </button>
        </form>
      )}
      {error && <ErrorLine text={errorText(error)} />}
    </section>
  );
}

function ErrorLine({ text }: { text: string }) {
  return (
    <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800" data-testid="decision-error">
      {text}
    </p>
  );
}
