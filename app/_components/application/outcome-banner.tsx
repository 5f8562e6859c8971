'use client';

import { useFormatter, useTranslations } from 'next-intl';
import type { ApplicationDto } from '@/server/applications/schemas';
import { STATUS_TONES, type StatusTone } from '../status-colours';

type Outcome = Pick<ApplicationDto, 'status' | 'sensitive' | 'submittedAt' | 'subscriberConfirmedAt' | 'disputedAt' | 'decision'> & Partial<Pick<ApplicationDto, 'waitingPeriodEndsAt'>>;

/** Where a submitted application stands: the back office's decision, the subscriber's answer. */
export function OutcomeBanner({ application, compact = false }: { application: Outcome; compact?: boolean }) {
  const t = useTranslations('application.outcome');
  const reasons = useTranslations('backoffice.reasons');
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: 'short', timeStyle: 'short' });
  const { status, decision } = application;
  const lines: { text: string; tone: StatusTone }[] = [];
  if (status === 'approved' && decision) lines.push({ text: t('approved', { name: decision.byName, date: when(decision.at) }), tone: 'good' });
  if (status === 'rejected' && decision) {
    lines.push({ text: t('rejected', { name: decision.byName, date: when(decision.at), reason: decision.reason && reasons.has(decision.reason) ? reasons(decision.reason) : '—' }), tone: 'bad' });
    if (decision.comment) lines.push({ text: decision.comment, tone: 'bad' });
  }
  if (status === 'disputed' && application.disputedAt) lines.push({ text: t('disputed', { date: when(application.disputedAt) }), tone: 'bad' });
  if (status === 'submitted' && application.submittedAt) lines.push({ text: t('submitted', { date: when(application.submittedAt) }), tone: 'info' });
  if (!compact && ['submitted', 'approved'].includes(status)) {
    if (application.subscriberConfirmedAt) lines.push({ text: t('subscriberConfirmed', { date: when(application.subscriberConfirmedAt) }), tone: 'good' });
    else if (status === 'submitted' && application.sensitive && application.waitingPeriodEndsAt) lines.push({ text: t('awaitingWaitingPeriod', { date: when(application.waitingPeriodEndsAt) }), tone: 'wait' });
    else if (status === 'submitted' && application.sensitive) lines.push({ text: t('awaitingSubscriber'), tone: 'wait' });
  }
  if (lines.length === 0) return null;
  return (
    <div className={compact ? 'flex flex-col items-start gap-0.5 text-sm' : 'rounded-lg border border-slate-200 bg-white p-3 text-sm'} data-testid="outcome">
      {lines.map((line, i) => (
        <p key={i} className={outcomeLineClass(line.tone, compact)} data-tone={line.tone}>
          {line.text}
        </p>
      ))}
    </div>
  );
}

/**
 * A line of the banner. Compact, it sits in chat cards — also in the dealer's own blue bubble —
 * so it carries its own background (a badge); on the banner's white card the bare text tone reads.
 */
export function outcomeLineClass(tone: StatusTone, compact: boolean): string {
  return compact ? `rounded px-1.5 ${STATUS_TONES[tone].badge}` : STATUS_TONES[tone].text;
}
