import { getTranslations } from 'next-intl/server';
import { WorkspaceHeading } from '../../_components/workspace-heading';
import { requireRole } from '../../_lib/guard';
import { AdminNav } from './admin-nav';
import { Dashboard } from './dashboard';
import { periodFromSearch } from './period';
import { pageTitle } from '../../_lib/page-title';

export const generateMetadata = pageTitle('dashboard');

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole('admin', '/admin/dashboard');
  const t = await getTranslations('dashboard');
  // The period from the address, else the last 7 days ending today in Kyiv.
  const initial = periodFromSearch(await searchParams);
  return (
    <>
      <AdminNav current="/admin/dashboard" />
      <WorkspaceHeading title={t('title')} intro={t('intro')} />
      <Dashboard initial={initial} />
    </>
  );
}
