'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

/**
 * Marks <body data-hydrated> once React runs: browser tests wait for it before they click, and
 * globals.css shows buttons that wait for the script as still loading until then. Without
 * JavaScript at all, a note says why those buttons never wake up (sign-in works without it).
 */
export function HydrationMark() {
  const t = useTranslations('loading');
  useEffect(() => {
    document.body.dataset.hydrated = 'true';
  }, []);
  return (
    <noscript>
      <p className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-900" data-testid="needs-script">
        {t('needsScript')}
      </p>
    </noscript>
  );
}
