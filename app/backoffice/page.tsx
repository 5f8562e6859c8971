import { getTranslations } from 'next-intl/server';
import { EmptyState, WorkspaceHeading } from '../_components/workspace-heading';
import { requireRole } from '../_lib/guard';

export default async function BackOffice() {
  await requireRole('backoffice', '/backoffice');
  const t = await getTranslations('workspace.backoffice');
  return (
    <>
      <WorkspaceHeading title={t('title')} intro={t('intro')} />
      <EmptyState text={t('empty')} />
    </>
  );
}
