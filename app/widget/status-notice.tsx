'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { z } from 'zod';
import type { widgetStatusDto } from '@/server/widget/schemas';
import { formatDuration } from '../_components/chat/format';
import { unavailable } from './widget-availability';

type WidgetStatus = z.infer<typeof widgetStatusDto>;

/**
 * Outside business hours, or when the wait is long, the widget says so and shows the hours (a
 * written request arrives with its own issue). Nothing when the chat is open and quick.
 */
export function StatusNotice({ status }: { status: WidgetStatus }) {
  const t = useTranslations('widget');
  const locale = useLocale();
  const nobody = status.open && status.outlook === 'noOperators';
  if (!unavailable(status)) return null;
  const when = (date: Date) =>
    new Date(date).toLocaleString(locale === 'en' ? 'en-GB' : 'uk-UA', { weekday: 'long', hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'long', timeZone: 'Europe/Kyiv' });
  return (
    <section className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="widget-status" data-open={status.open} aria-labelledby="widget-status-title">
      <h2 id="widget-status-title" className="font-medium">
        {!status.open ? t('closedNow') : nobody ? t('noOperators') : t('longWait', { time: formatDuration(status.expectedWaitSeconds ?? 0, locale) })}
      </h2>
      {!status.open && status.nextOpening && <p>{t('opensAt', { time: when(status.nextOpening) })}</p>}
      {status.hours.length > 0 && (
        <>
          <h3 className="mt-2 font-medium">{t('hoursTitle')}</h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3" data-testid="widget-hours">
            {status.hours.map((h) => (
              <div key={`${h.weekday}-${h.opens}`} className="contents">
                <dt>{t(`weekday.${h.weekday}` as 'weekday.1')}</dt>
                <dd>
                  {h.opens}–{h.closes}
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {status.holidays.length > 0 && <p className="mt-1">{t('holidays', { dates: status.holidays.join(', ') })}</p>}
      {!status.open && <p className="mt-1">{t('laterRequests')}</p>}
    </section>
  );
}
