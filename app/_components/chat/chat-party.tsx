'use client';

import { useTranslations } from 'next-intl';
import type { ChatSummary } from '@/server/chat/schemas';

/** +380671234567 as people write it: +380 67 123 45 67 (anything else as it is). */
export function displayMsisdn(msisdn: string): string {
  const m = /^\+380(\d{2})(\d{3})(\d{2})(\d{2})$/.exec(msisdn);
  return m ? `+380 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : msisdn;
}

/**
 * Who is on the other side of a chat, in a word: the dealer's representative, or for a subscriber's
 * chat "Subscriber · +380 67 123 45 67 · verified" (how it was proven in the title) or "Guest".
 */
export function useChatParty() {
  const t = useTranslations('chat.visitor');
  return (chat: Pick<ChatSummary, 'class' | 'dealerUserName' | 'visitor'>): { label: string; title?: string } => {
    if (chat.class !== 'subscriber' || !chat.visitor) return { label: chat.dealerUserName ?? '—' };
    const { visitor } = chat;
    if (!visitor.verified) return { label: t('guest') };
    const who = visitor.msisdn ? displayMsisdn(visitor.msisdn) : (visitor.email ?? '');
    return { label: [t('subscriber'), who, t('verified')].filter(Boolean).join(' · '), title: visitor.verifiedBy ? t(`via.${visitor.verifiedBy}`) : undefined };
  };
}

/** The badge that marks a subscriber's chat in the operator's lists. */
export function VisitorBadge({ chat }: { chat: Pick<ChatSummary, 'class' | 'dealerUserName' | 'visitor'> }) {
  const party = useChatParty();
  if (chat.class !== 'subscriber') return null;
  const { label, title } = party(chat);
  const verified = chat.visitor?.verified ?? false;
  return (
    <span
      className={`inline-block max-w-full truncate rounded px-2 text-xs font-medium ${verified ? 'bg-emerald-100 text-emerald-900' : 'bg-amber-100 text-amber-900'}`}
      title={title}
      data-testid="visitor-badge"
      data-verified={verified}
    >
      {label}
      {title ? ` (${title})` : ''}
    </span>
  );
}
