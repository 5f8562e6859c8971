'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { TEMPLATE_TITLES } from '@/templates/titles';
import { useErrorText } from '../error-text';
import { useTRPC } from '../trpc-provider';
import { useHydrated } from '../use-hydrated';
import { useText } from './use-text';

/** The dealer picks a form in an active chat; the new application opens beside the chat. */
export function NewApplication({ chatId }: { chatId: string }) {
  const t = useTranslations('application');
  const text = useText();
  const trpc = useTRPC();
  const router = useRouter();
  const errorText = useErrorText();
  const [templateId, setTemplateId] = useState('');
  const hydrated = useHydrated();
  const create = useMutation(trpc.application.create.mutationOptions({ onSuccess: ({ applicationId }) => router.push(`/applications/${applicationId}`) }));
  return (
    <form
      className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (templateId) create.mutate({ chatId, templateId });
      }}
    >
      <select value={templateId} onChange={(e) => setTemplateId(e.target.value)} aria-label={t('pickTemplate')} className="min-w-0 flex-1 rounded border border-slate-300 px-2 text-sm">
        <option value="">{t('pickTemplate')}</option>
        {TEMPLATE_TITLES.map((template) => (
          <option key={template.id} value={template.id}>
            {text(template.title)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={!templateId || create.isPending || !hydrated} className="rounded bg-brand-600 px-3 text-sm text-white disabled:opacity-50">
        {t('create')}
      </button>
      {create.error && <span role="alert" className="w-full text-sm text-red-700">{errorText(create.error)}</span>}
    </form>
  );
}
