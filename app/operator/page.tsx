import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ApplicationsList } from '../_components/application/applications-list';
import { FeedProvider } from '../_components/realtime-feed';
import { WorkspaceHeading } from '../_components/workspace-heading';
import { requireRole } from '../_lib/guard';
import { OperatorConsole } from './operator-console';
import { pageTitle } from '../_lib/page-title';

export const generateMetadata = pageTitle('operator');

export default async function OperatorConsolePage() {
  const actor = await requireRole('operator', '/operator');
  const t = await getTranslations('workspace.operator');
  const tp = await getTranslations('package');
  return (
    <>
      <WorkspaceHeading title={t('title')} intro={t('intro')}>
        <Link href="/operator/packages" className="mt-2 inline-block font-medium text-brand-700 underline" data-testid="packages-link">
          {tp('link')}
        </Link>
      </WorkspaceHeading>
      <FeedProvider>
        <div className="grid gap-8">
          <OperatorConsole myId={actor.id} />
          <ApplicationsList />
        </div>
      </FeedProvider>
    </>
  );
}
