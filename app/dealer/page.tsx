import { getTranslations } from 'next-intl/server';
import { FeedProvider } from '../_components/realtime-feed';
import { WorkspaceHeading } from '../_components/workspace-heading';
import { requireRole } from '../_lib/guard';
import { serverCaller } from '../_lib/server-caller';
import { ApplicationsList } from '../_components/application/applications-list';
import { DealerChats } from './dealer-chats';
import { pageTitle } from '../_lib/page-title';

export const generateMetadata = pageTitle('dealer');

export default async function DealerDesk() {
  await requireRole('dealer', '/dealer');
  const t = await getTranslations('workspace.dealer');
  const profile = await (await serverCaller()).account.profile();
  return (
    <>
      <WorkspaceHeading title={t('title')} intro={t('intro')}>
        <dl className="mt-4 grid gap-2 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-500">{t('company')}</dt>
            <dd data-testid="dealer-company">
              {profile.dealer?.name} · {profile.dealer?.edrpou}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-500">{t('pointOfSale')}</dt>
            <dd data-testid="dealer-point-of-sale">
              {profile.pointOfSale?.name}, {profile.pointOfSale?.town}, {profile.pointOfSale?.address}
            </dd>
          </div>
        </dl>
      </WorkspaceHeading>
      <FeedProvider>
        <div className="grid gap-8">
          <DealerChats />
          <ApplicationsList />
        </div>
      </FeedProvider>
    </>
  );
}
