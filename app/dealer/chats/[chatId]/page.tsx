import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ChatView } from '../../../_components/chat/chat-view';
import { FeedProvider } from '../../../_components/realtime-feed';
import { requireRole } from '../../../_lib/guard';
import { pageTitle } from '../../../_lib/page-title';

export const generateMetadata = pageTitle('dealerChat');

export default async function DealerChatPage({ params }: { params: Promise<{ chatId: string }> }) {
  const { chatId } = await params;
  const actor = await requireRole('dealer', `/dealer/chats/${chatId}`);
  if (!z.uuid().safeParse(chatId).success) notFound();
  const t = await getTranslations('chat');
  return (
    <FeedProvider>
      <Link href="/dealer" className="mb-3 inline-block text-brand-700 underline">
        {t('back')}
      </Link>
      <ChatView chatId={chatId} myId={actor.id} role="dealer" />
    </FeedProvider>
  );
}
