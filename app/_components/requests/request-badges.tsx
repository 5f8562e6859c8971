'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { STATUS_TONES, type StatusTone } from '../status-colours';
import { formatWait } from '../../backoffice/format-wait';

export type RequestStatusName = 'new' | 'open' | 'waiting' | 'resolved' | 'closed';
export type SlaFlagName = 'onTime' | 'atRisk' | 'late';

const STATUS_TONE: Record<RequestStatusName, StatusTone> = { new: 'bad', open: 'info', waiting: 'wait', resolved: 'good', closed: 'info' };
const FLAG_CLASS: Record<SlaFlagName, string> = { late: 'bg-red-100 text-red-900', atRisk: 'bg-amber-100 text-amber-900', onTime: 'bg-green-50 text-green-800' };

/** A request's status as a badge, in the staff's words or the subscriber's. */
export function RequestStatusBadge({ status, audience = 'staff' }: { status: RequestStatusName; audience?: 'staff' | 'subscriber' }) {
  const t = useTranslations('requests');
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_TONE_CLASS(status)}`} data-testid="request-status" data-status={status}>
      {audience === 'staff' ? t(`status.${status}`) : t(`subscriberStatus.${status}`)}
    </span>
  );
}

function STATUS_TONE_CLASS(status: RequestStatusName): string {
  return STATUS_TONES[STATUS_TONE[status]].badge;
}

/** Late (red) or at risk (amber); nothing when on time. */
export function SlaFlag({ flag }: { flag: SlaFlagName }) {
  const t = useTranslations('requests.flags');
  if (flag === 'onTime') return null;
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${FLAG_CLASS[flag]}`} data-testid="sla-flag" data-flag={flag}>
      {t(flag)}
    </span>
  );
}

/** The due time (Kyiv) and how much is left, or how late it is; "clock paused" while waiting. */
export function DueTime({ dueAt, now, paused = false }: { dueAt: Date | string | null; now: number; paused?: boolean }) {
  const t = useTranslations('requests');
  const b = useTranslations('backoffice');
  const format = useFormatter();
  if (paused) return <span className="text-slate-500">{t('paused')}</span>;
  if (!dueAt) return <span className="text-slate-500">—</span>;
  const due = new Date(dueAt);
  const left = due.getTime() - now;
  return (
    <span className="flex flex-col">
      <span data-testid="due-at">{format.dateTime(due, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Kyiv' })}</span>
      <span className={`text-xs ${left < 0 ? 'font-semibold text-red-800' : 'text-slate-600'}`} data-testid="due-left">
        {left < 0 ? t('overdue', { time: formatWait(-left, b) }) : t('left', { time: formatWait(left, b) })}
      </span>
    </span>
  );
}
