import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireRole } from '../../../_lib/guard';
import { PackageEditor } from '../package-editor';
import { pageTitle } from '../../../_lib/page-title';

export const generateMetadata = pageTitle('package');

/** A package being prepared (or, once sent, its company details). */
export default async function EditPackagePage({ params }: { params: Promise<{ packageId: string }> }) {
  const { packageId } = await params;
  await requireRole('operator', `/operator/packages/${packageId}`);
  if (!z.uuid().safeParse(packageId).success) notFound();
  const t = await getTranslations('package.editor');
  return (
    <>
      <Link href="/operator/packages" className="mb-3 inline-block text-brand-700 underline">
        {t('back')}
      </Link>
      <PackageEditor key={packageId} packageId={packageId} />
    </>
  );
}
