import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { WORKSPACE_PATH } from '@/server/auth/roles';
import { ChatView } from '../../_components/chat/chat-view';
import { FeedProvider } from '../../_components/realtime-feed';
import { pageActor } from '../../_lib/guard';
import { serverCaller } from '../../_lib/server-caller';
import { PackageView } from './package-view';
import { pageTitle } from '../../_lib/page-title';

export const generateMetadata = pageTitle('package');

/**
 * A package sent into a chat: the company, its applications and where each stands; the dealer
 * identifies the representative once, signs once and submits them together. Whoever may not see
 * it (another dealer company, the back office before anything of it was submitted) gets 404.
 * The package's chat stands beside it for those who may read that chat (its dealer company, its operator).
 */
export default async function PackagePage({ params }: { params: Promise<{ packageId: string }> }) {
  const { packageId } = await params;
  const actor = await pageActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(`/packages/${packageId}`)}`);
  if (!z.uuid().safeParse(packageId).success) notFound();
  const caller = await serverCaller();
  const found = await caller.package.get({ packageId }).catch(() => null);
  if (!found) notFound();
  const chatRole = actor.role === 'dealer' || actor.role === 'operator' ? actor.role : null;
  const chatId = chatRole && found.chatId ? found.chatId : null;
  const chat = chatId ? await caller.chat.get({ chatId }).catch(() => null) : null;
  const t = await getTranslations('package.view');
  return (
    <FeedProvider>
      <Link href={actor.role === 'operator' ? '/operator/packages' : WORKSPACE_PATH[actor.role]} className="mb-3 inline-block text-brand-700 underline">
        {actor.role === 'operator' ? t('backToPackages') : t('back')}
      </Link>
      {chat && chatId && chatRole ? (
        <div className="grid gap-6 xl:grid-cols-[1fr_420px]">
          <PackageView packageId={packageId} role={actor.role} myName={actor.name} />
          <aside className="xl:sticky xl:top-4 xl:self-start" data-testid="package-chat">
            <ChatView chatId={chatId} myId={actor.id} role={chatRole} />
          </aside>
        </div>
      ) : (
        <PackageView packageId={packageId} role={actor.role} myName={actor.name} />
      )}
    </FeedProvider>
  );
}
