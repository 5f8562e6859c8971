'use client';

import { useLocale } from 'next-intl';
import { config } from 'zod';
import en from 'zod/v4/locales/en.js';
import uk from 'zod/v4/locales/uk.js';

/**
 * zod's own messages in a form follow the UI language. Called by the forms that validate with
 * zod in the browser; only the two locales the app speaks are bundled (not all of `z.locales`).
 */
export function useZodLocale(): void {
  const locale = useLocale();
  config(locale === 'en' ? en() : uk());
}
