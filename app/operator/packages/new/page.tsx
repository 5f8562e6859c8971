import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireRole } from '../../../_lib/guard';
import { PackageEditor } from '../package-editor';
import { pageTitle } from '../../../_lib/page-title';

export const generateMetadata = pageTitle('newPackage');

/** A new package: for a company (`?kind=` absent) or one form for a person (`?kind=individual`). */
export default async function NewPackagePage({ searchParams }: { searchParams: Promise<{ kind?: string | string[] }> }) {
  await requireRole('operator', '/operator/packages/new');
  const { kind } = await searchParams;
  const t = await getTranslations('package.editor');
  return (
    <>
      <Link href="/operator/packages" className="mb-3 inline-block text-brand-700 underline">
        {t('back')}
      </Link>
      <PackageEditor kind={kind === 'individual' ? 'individual' : 'legal-entity'} />
    </>
  );
}
