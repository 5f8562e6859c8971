'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { ApplicationDto } from '@/server/applications/schemas';
import type { TemplateDef } from '@/templates/define-template';
import { useTRPC } from '../trpc-provider';
import { Signers } from './signers';
import { useText } from './use-text';

/** The signing screen: the document as it will be printed, then each party and the dealer sign. */
export function SigningPanel({ application, template, dealerName, onSigned }: { application: ApplicationDto; template: TemplateDef; dealerName: string; onSigned: () => void }) {
  const t = useTranslations('application.signing');
  const text = useText();
  const trpc = useTRPC();
  const sign = useMutation(trpc.application.sign.mutationOptions({ onSuccess: onSigned }));
  const signers = [
    ...template.parties.map((p) => ({ party: p.key, title: text(p.title), name: String(application.identifications.find((i) => i.party === p.key)?.values.fullName ?? '') })),
    { party: 'dealer', title: t('dealer'), name: dealerName },
  ];
  return (
    <section className="flex flex-col gap-3 rounded-lg border border-brand-600 bg-brand-50 p-4" data-testid="signing-panel">
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <a href={`/api/applications/${application.id}/preview`} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline" data-testid="preview-link">
        {t('preview')}
      </a>
      <Signers
        signers={signers}
        pending={sign.isPending}
        error={sign.error}
        label={t('sign')}
        pendingLabel={t('signing')}
        onSign={(signatures) => sign.mutate({ applicationId: application.id, version: application.version, signatures })}
      />
    </section>
  );
}
