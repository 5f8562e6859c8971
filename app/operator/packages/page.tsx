import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { WorkspaceHeading } from '../../_components/workspace-heading';
import { requireRole } from '../../_lib/guard';
import { PackageList } from './package-list';
import { pageTitle } from '../../_lib/page-title';

export const generateMetadata = pageTitle('packages');

/** The operator's packages: found again by EDRPOU, name or number; new ones for a company or a person. */
export default async function OperatorPackagesPage() {
  await requireRole('operator', '/operator/packages');
  const t = await getTranslations('package');
  return (
    <>
      <Link href="/operator" className="mb-3 inline-block text-brand-700 underline">
        {t('backToConsole')}
      </Link>
      <WorkspaceHeading title={t('title')} intro={t('intro')}>
        <div className="mt-3 flex flex-wrap gap-2">
          <Link href="/operator/packages/new" className="rounded bg-brand-600 px-4 py-2 font-medium text-white" data-testid="new-company-package">
            {t('newCompany')}
          </Link>
          <Link href="/operator/packages/new?kind=individual" className="rounded border border-brand-600 bg-white px-4 py-2 font-medium text-brand-700" data-testid="new-individual-package">
            {t('newIndividual')}
          </Link>
        </div>
      </WorkspaceHeading>
      <PackageList />
    </>
  );
}
