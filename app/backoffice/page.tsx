import { getTranslations } from 'next-intl/server';
import { WorkspaceHeading } from '../_components/workspace-heading';
import { requireRole } from '../_lib/guard';
import { BackOfficeQueue } from './backoffice-queue';
import { pageTitle } from '../_lib/page-title';

export const generateMetadata = pageTitle('backoffice');

export default async function BackOffice() {
  await requireRole('backoffice', '/backoffice');
  const t = await getTranslations('workspace.backoffice');
  return (
    <>
      <WorkspaceHeading title={t('title')} intro={t('intro')} />
      <BackOfficeQueue />
    </>
  );
}
