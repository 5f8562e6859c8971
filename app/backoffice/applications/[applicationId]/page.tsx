import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireRole } from '../../../_lib/guard';
import { ReviewPanel } from './review-panel';
import { pageTitle } from '../../../_lib/page-title';

export const generateMetadata = pageTitle('review');

/** One submitted application as the back office weighs it. */
export default async function ReviewPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const { applicationId } = await params;
  await requireRole('backoffice', `/backoffice/applications/${applicationId}`);
  if (!z.uuid().safeParse(applicationId).success) notFound();
  const t = await getTranslations('backoffice');
  return (
    <>
      <Link href="/backoffice" className="mb-3 inline-block text-brand-700 underline">
        {t('backToQueue')}
      </Link>
      <ReviewPanel applicationId={applicationId} />
    </>
  );
}
