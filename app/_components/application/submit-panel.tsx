'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ApplicationDto } from '@/server/applications/schemas';
import { useErrorText } from '../error-text';
import { useTRPC } from '../trpc-provider';
import { useHydrated } from '../use-hydrated';
import { StepAction } from './step-action';

/**
 * "Submit to the back office". One request id per screen: a double tap or a retry over a flaky
 * connection submits once (the server answers a repeated id with the same result).
 */
export function SubmitPanel({ application, onSubmitted }: { application: ApplicationDto; onSubmitted: () => void }) {
  const t = useTranslations('application');
  const trpc = useTRPC();
  const errorText = useErrorText();
  const hydrated = useHydrated();
  const [requestId] = useState(() => crypto.randomUUID());
  const submit = useMutation(trpc.application.submit.mutationOptions({ onSuccess: onSubmitted, retry: 2 }));
  return (
    <section className="flex flex-col gap-2 rounded-lg border border-brand-600 bg-brand-50 p-4" data-testid="submit-panel">
      <p className="text-sm">{t('submitHint')}</p>
      {submit.error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {errorText(submit.error)}
        </p>
      )}
      <StepAction>
        <button
          type="button"
          disabled={!hydrated || submit.isPending}
          className="self-start rounded bg-brand-600 px-4 font-medium text-white disabled:opacity-50"
          onClick={() => submit.mutate({ applicationId: application.id, version: application.version, requestId })}
        >
          {submit.isPending ? t('submitting') : t('submit')}
        </button>
      </StepAction>
    </section>
  );
}
