import { getTranslations } from 'next-intl/server';
import { WorkspaceHeading } from '../_components/workspace-heading';
import { requireRole } from '../_lib/guard';
import { AdminNav } from './dashboard/admin-nav';
import { CannedRepliesPanel } from './canned-replies-panel';
import { DealersPanel } from './dealers-panel';
import { NotificationsPanel } from './notifications-panel';
import { OperatorsPanel } from './operators-panel';
import { RequestCategoriesPanel } from './request-categories-panel';
import { SealPanel } from './seal-panel';
import { UsersPanel } from './users-panel';
import { pageTitle } from '../_lib/page-title';

export const generateMetadata = pageTitle('admin');

export default async function AdminPage() {
  const actor = await requireRole('admin', '/admin');
  const t = await getTranslations('workspace.admin');
  return (
    <>
      <AdminNav current="/admin" />
      <WorkspaceHeading title={t('title')} intro={t('intro')} />
      <div className="grid grid-cols-1 gap-8">
        <UsersPanel currentUserId={actor.id} />
        <SealPanel />
        <NotificationsPanel />
        <OperatorsPanel />
        <DealersPanel />
        <CannedRepliesPanel />
        <RequestCategoriesPanel />
      </div>
    </>
  );
}
