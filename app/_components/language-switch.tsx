'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useHydrated } from './use-hydrated';
import { LOCALES } from '../i18n/locales';
import { setLocale } from '../i18n/set-locale';

const LABEL = { uk: 'Українська', en: 'English' } as const;

export function LanguageSwitch() {
  const locale = useLocale();
  const t = useTranslations('app');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Disabled until hydrated, so a choice made on a slow connection before the script runs is not lost.
  const ready = useHydrated();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">{t('language')}</span>
      <select
        aria-label={t('language')}
        className="rounded border border-slate-300 bg-white px-2"
        value={locale}
        disabled={pending || !ready}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            await setLocale(next);
            router.refresh();
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LABEL[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
