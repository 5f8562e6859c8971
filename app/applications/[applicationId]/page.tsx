import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { env } from '@/server/config/env';
import { ApplicationLayout } from '../../_components/application/application-layout';
import { FeedProvider } from '../../_components/realtime-feed';
import { pageActor } from '../../_lib/guard';
import { serverCaller } from '../../_lib/server-caller';
import { pageTitle } from '../../_lib/page-title';

export const generateMetadata = pageTitle('application');

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
      <ApplicationLayout applicationId={applicationId} chatId={application.chatId} role={role} myId={actor.id} myName={actor.name} waitHours={env().NO_CONTACT_WAIT_HOURS} />
    </FeedProvider>
  );
}
