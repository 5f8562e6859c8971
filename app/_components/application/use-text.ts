'use client';

import { useLocale } from 'next-intl';
import type { Text } from '@/templates/define-template';

/** Picks the UI language's side of a template's `{ uk, en }` text. */
export function useText() {
  const locale = useLocale();
  return (text: Text) => (locale === 'en' ? text.en : text.uk);
}
