'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { Kind, LoadedPackage, Status } from './package-values';

/** The package's title, status, kind and number; once sent, the note that only the company can change, and the link to its page. */
export function PackageHeader({ pkg, kind, status }: { pkg: LoadedPackage | null; kind: Kind; status: Status }) {
  const t = useTranslations('package.editor');
  const tp = useTranslations('package');
  const format = useFormatter();
  return (
    <header className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold">{pkg ? pkg.title : kind === 'legal-entity' ? t('newCompany') : t('newIndividual')}</h1>
        {pkg && (
          <span className="rounded bg-slate-100 px-2 py-1 text-sm" data-testid="package-status">
            {tp(`status.${status}`)}
          </span>
        )}
        <span className="rounded bg-slate-100 px-2 py-1 text-xs">{tp(`kind.${kind}`)}</span>
      </div>
      {pkg && (
        <p className="text-sm text-slate-600">
          <span data-testid="package-number">{pkg.number}</span>
          {pkg.sentAt && ` · ${t('sentAt', { date: format.dateTime(pkg.sentAt, { dateStyle: 'short', timeStyle: 'short' }) })}`}
        </p>
      )}
      {pkg && status !== 'draft' && (
        <>
          <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="sent-note">
            {kind === 'legal-entity' ? t('sentNote') : t('sentNoteIndividual')}
          </p>
          <Link href={`/packages/${pkg.id}`} className="mt-2 inline-block font-medium text-brand-700 underline">
            {t('view')}
          </Link>
        </>
      )}
    </header>
  );
}
