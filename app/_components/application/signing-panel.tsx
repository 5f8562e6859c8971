'use client';

import { useMutation } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ApplicationDto } from '@/server/applications/schemas';
import type { TemplateDef } from '@/templates/define-template';
import { useErrorText } from '../error-text';
import { useTRPC } from '../trpc-provider';
import { SignatureBox, type SignatureValue } from './signature-box';
import { useText } from './use-text';

/** The signing screen: the document as it will be printed, then each party and the dealer sign. */
export function SigningPanel({ application, template, dealerName, onSigned }: { application: ApplicationDto; template: TemplateDef; dealerName: string; onSigned: () => void }) {
  const t = useTranslations('application.signing');
  const text = useText();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const [values, setValues] = useState<Record<string, SignatureValue>>({});
  const sign = useMutation(trpc.application.sign.mutationOptions({ onSuccess: onSigned }));
  const signers = [
    ...template.parties.map((p) => ({ party: p.key, title: text(p.title), name: String(application.identifications.find((i) => i.party === p.key)?.values.fullName ?? '') })),
    { party: 'dealer', title: t('dealer'), name: dealerName },
  ];
  const ready = signers.every((s) => {
    const v = values[s.party];
    return v && v.name.trim().length >= 2 && (v.image || (v.typedName && v.typedName.trim().length >= 2));
  });
  return (
    <section className="flex flex-col gap-3 rounded-lg border border-brand-600 bg-brand-50 p-4" data-testid="signing-panel">
      <h2 className="text-lg font-semibold">{t('title')}</h2>
      <a href={`/api/applications/${application.id}/preview`} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline" data-testid="preview-link">
        {t('preview')}
      </a>
      {signers.map((s) => (
        <SignatureBox key={s.party} party={s.party} title={s.title} defaultName={s.name} onChange={(value) => setValues((all) => ({ ...all, [s.party]: value }))} />
      ))}
      {sign.error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {errorText(sign.error)}
        </p>
      )}
      <button
        type="button"
        disabled={!ready || sign.isPending}
        className="self-start rounded bg-brand-600 px-4 font-medium text-white disabled:opacity-50"
        onClick={() =>
          sign.mutate({
            applicationId: application.id,
            version: application.version,
            signatures: signers.map((s) => {
              const v = values[s.party];
              return { party: s.party, name: v?.name ?? s.name, ...(v?.image ? { image: v.image } : { typedName: v?.typedName ?? '' }) };
            }),
          })
        }
      >
        {sign.isPending ? t('signing') : t('sign')}
      </button>
    </section>
  );
}
