import { getTranslations } from 'next-intl/server';
import { WorkspaceHeading } from '../../_components/workspace-heading';
import { requireRole } from '../../_lib/guard';
import { AdminNav } from '../dashboard/admin-nav';
import { LiveQueue } from './live-queue';
import { pageTitle } from '../../_lib/page-title';

export const generateMetadata = pageTitle('live');

export default async function LivePage() {
  await requireRole('admin', '/admin/live');
  const t = await getTranslations('dashboard.live');
  return (
    <>
      <AdminNav current="/admin/live" />
      <WorkspaceHeading title={t('title')} intro={t('intro')} />
      <LiveQueue />
    </>
  );
}
