import { getTranslations } from 'next-intl/server';
import { WorkspaceHeading } from '../../_components/workspace-heading';
import { requireRole } from '../../_lib/guard';
import { pageTitle } from '../../_lib/page-title';
import { BackOfficeNav } from '../backoffice-nav';
import { RequestsInbox } from './requests-inbox';

export const generateMetadata = pageTitle('requests');

export default async function RequestsPage() {
  await requireRole('backoffice', '/backoffice/requests');
  const t = await getTranslations('requests.inbox');
  return (
    <>
      <BackOfficeNav current="/backoffice/requests" />
      <WorkspaceHeading title={t('title')} intro={t('intro')} />
      <RequestsInbox />
    </>
  );
}
