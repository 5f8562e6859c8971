'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ChatSummary } from '@/server/chat/schemas';
import type { PayloadOf } from '@/server/realtime/events';
import { formatDuration } from './format';

export type QueuePlace = NonNullable<ChatSummary['queue']>;

/**
 * What a waiting dealer is told: an operator answers now; or usually within N, with how that is
 * worked out (chats ahead, how often an operator frees up); or that nobody is available.
 */
export function QueueOutlook({ place, explain = true }: { place: QueuePlace; explain?: boolean }) {
  const t = useTranslations('chat');
  const locale = useLocale();
  if (place.outlook === 'now') return <span data-testid="queue-outlook" data-outlook="now">{t('answerNow')}</span>;
  if (place.outlook === 'noOperators' || place.etaSeconds === null) {
    return (
      <span data-testid="queue-outlook" data-outlook="noOperators">
        {t('noOperators')}
      </span>
    );
  }
  const every = place.servingPlaces > 0 ? place.handleSeconds / place.servingPlaces : place.handleSeconds;
  return (
    <span data-testid="queue-outlook" data-outlook="estimate">
      {t('etaUsually', { time: formatDuration(place.etaSeconds, locale) })}
      {explain && <span className="text-slate-600"> ({t('etaHow', { ahead: place.ahead, every: formatDuration(every, locale) })})</span>}
    </span>
  );
}

/** The place as a queue.position event carries it (without the chat's id). */
export function queuePlaceFromEvent({ position, outlook, etaSeconds, ahead, handleSeconds, servingPlaces }: PayloadOf<'queue.position'>): QueuePlace {
  return { position, outlook, etaSeconds, ahead, handleSeconds, servingPlaces };
}
