'use client';

import { useQuery } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { Panel } from '../_components/panel';
import { useTRPC } from '../_components/trpc-provider';

/** The certificate that seals signed PDFs; a development one is flagged loudly. */
export function SealPanel() {
  const t = useTranslations('admin.seal');
  const locale = useLocale();
  const trpc = useTRPC();
  const seal = useQuery(trpc.admin.seal.info.queryOptions());
  // The panel keeps its place while loading, so the page below does not jump under a finger.
  if (!seal.data) {
    return (
      <Panel title={t('title')}>
        <p className="text-slate-400">…</p>
        <p className="text-sm">&nbsp;</p>
      </Panel>
    );
  }
  return (
    <Panel title={t('title')}>
      <p data-testid="seal-subject">{seal.data.subject}</p>
      <p className="text-sm text-slate-600">
        {t('valid', {
          from: seal.data.validFrom.toLocaleDateString(locale === 'en' ? 'en-GB' : 'uk-UA'),
          until: seal.data.validUntil.toLocaleDateString(locale === 'en' ? 'en-GB' : 'uk-UA'),
        })}
      </p>
      {seal.data.development && (
        <p role="status" className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800" data-testid="seal-development">
          {t('development')}
        </p>
      )}
    </Panel>
  );
}
