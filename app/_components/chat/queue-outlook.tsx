'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ChatSummary } from '@/server/chat/schemas';
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

/** The place as a queue.position event carries it. */
export function queuePlaceFromEvent(payload: Record<string, unknown>): QueuePlace {
  const outlook = payload.outlook === 'now' || payload.outlook === 'estimate' ? payload.outlook : 'noOperators';
  return {
    position: Number(payload.position),
    outlook,
    etaSeconds: typeof payload.etaSeconds === 'number' ? payload.etaSeconds : null,
    ahead: Number(payload.ahead ?? 0),
    handleSeconds: Number(payload.handleSeconds ?? 0),
    servingPlaces: Number(payload.servingPlaces ?? 0),
  };
}
