import { getTranslations } from 'next-intl/server';
import { ApplicationsList } from '../_components/application/applications-list';
import { FeedProvider } from '../_components/realtime-feed';
import { WorkspaceHeading } from '../_components/workspace-heading';
import { requireRole } from '../_lib/guard';
import { OperatorConsole } from './operator-console';

export default async function OperatorConsolePage() {
  const actor = await requireRole('operator', '/operator');
  const t = await getTranslations('workspace.operator');
  return (
    <>
      <WorkspaceHeading title={t('title')} intro={t('intro')} />
      <FeedProvider>
        <div className="grid gap-8">
          <OperatorConsole myId={actor.id} />
          <ApplicationsList />
        </div>
      </FeedProvider>
    </>
  );
}
