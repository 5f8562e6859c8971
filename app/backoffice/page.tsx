import { getTranslations } from 'next-intl/server';
import { WorkspaceHeading } from '../_components/workspace-heading';
import { requireRole } from '../_lib/guard';
import { BackOfficeNav } from './backoffice-nav';
import { BackOfficeQueue } from './backoffice-queue';
import { pageTitle } from '../_lib/page-title';

export const generateMetadata = pageTitle('backoffice');

export default async function BackOffice() {
  await requireRole('backoffice', '/backoffice');
  const t = await getTranslations('workspace.backoffice');
  return (
    <>
      <BackOfficeNav current="/backoffice" />
      <WorkspaceHeading title={t('title')} intro={t('intro')} />
      <BackOfficeQueue />
    </>
  );
}
