'use client';

import { useTranslations } from 'next-intl';
import type { ApplicationDto } from '@/server/applications/schemas';
import { SubmitControls, useIdempotentSubmit } from '../idempotent-submit';
import { useTRPC } from '../trpc-provider';
import { StepAction } from './step-action';

/**
 * "Submit to the back office". One request id per screen: a double tap or a retry over a flaky
 * connection submits once (the server answers a repeated id with the same result).
 */
export function SubmitPanel({ application, onSubmitted }: { application: ApplicationDto; onSubmitted: () => void }) {
  const t = useTranslations('application');
  const trpc = useTRPC();
  const submit = useIdempotentSubmit(trpc.application.submit.mutationOptions({ onSuccess: onSubmitted }));
  return (
    <section className="flex flex-col gap-2 rounded-lg border border-brand-600 bg-brand-50 p-4" data-testid="submit-panel">
      <p className="text-sm">{t('submitHint')}</p>
      <SubmitControls
        error={submit.error}
        pending={submit.isPending}
        label={t('submit')}
        pendingLabel={t('submitting')}
        onSubmit={() => submit.submit({ applicationId: application.id, version: application.version })}
        wrap={(button) => <StepAction>{button}</StepAction>}
      />
    </section>
  );
}
