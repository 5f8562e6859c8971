'use client';

import { useTranslations } from 'next-intl';

/**
 * Grey placeholder rows while a list loads, so a slow connection shows "on its way" instead of an
 * empty page that looks like "nothing here".
 */
export function ListSkeleton({ rows = 5, testId = 'list-skeleton' }: { rows?: number; testId?: string }) {
  const t = useTranslations('loading');
  return (
    <div role="status" aria-busy="true" className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3" data-testid={testId}>
      <span className="sr-only">{t('list')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex animate-pulse items-center gap-3" aria-hidden="true">
          <div className="h-4 w-28 rounded bg-slate-200" />
          <div className="h-4 flex-1 rounded bg-slate-100" />
          <div className="h-4 w-20 rounded bg-slate-200" />
        </div>
      ))}
    </div>
  );
}
