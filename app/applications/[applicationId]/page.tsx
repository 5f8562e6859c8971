import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { env } from '@/server/config/env';
import { ApplicationWorkspace } from '../../_components/application/application-workspace';
import { ChatView } from '../../_components/chat/chat-view';
import { FeedProvider } from '../../_components/realtime-feed';
import { pageActor } from '../../_lib/guard';
import { serverCaller } from '../../_lib/server-caller';

/** The application beside its chat: the dealer fills it, the chat's operator checks it. */
export default async function ApplicationPage({ params }: { params: Promise<{ applicationId: string }> }) {
  const { applicationId } = await params;
  const actor = await pageActor();
  if (!actor) redirect(`/sign-in?next=${encodeURIComponent(`/applications/${applicationId}`)}`);
  if (actor.role === 'backoffice') redirect(`/backoffice/applications/${applicationId}`);
  if (!z.uuid().safeParse(applicationId).success) notFound();
  const application = await (await serverCaller()).application.get({ applicationId }).catch(() => null);
  if (!application) notFound();
  const role = actor.role === 'dealer' ? 'dealer' : actor.role === 'operator' ? 'operator' : 'admin';
  const t = await getTranslations('application');
  return (
    <FeedProvider>
      <Link href={role === 'dealer' ? '/dealer' : role === 'operator' ? '/operator' : '/admin'} className="mb-3 inline-block text-brand-700 underline">
        {t('back')}
      </Link>
      <div className="grid gap-6 xl:grid-cols-[1fr_420px]">
        <ApplicationWorkspace applicationId={applicationId} role={role} myName={actor.name} waitHours={env().NO_CONTACT_WAIT_HOURS} />
        <aside className="xl:sticky xl:top-4 xl:self-start">
          <ChatView chatId={application.chatId} myId={actor.id} role={role} />
        </aside>
      </div>
    </FeedProvider>
  );
}
