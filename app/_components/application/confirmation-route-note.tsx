'use client';

import { useTranslations } from 'next-intl';
import type { TemplateDef } from '@/templates/define-template';
import { confirmationRoute } from '@/templates/confirmation-route';
import type { FormValues } from './template-form';

/**
 * Before submitting, the dealer reads where the subscriber's messages will go (so they can tell
 * the subscriber): the notice to the number concerned, the confirmation to a contact they can
 * reach, or the waiting period when there is none.
 */
export function ConfirmationRouteNote({ template, formData, waitHours }: { template: TemplateDef; formData: FormValues; waitHours: number }) {
  const t = useTranslations('simGuard.dealer');
  const route = confirmationRoute(template, formData);
  const to = route.confirm.map((r) => (r.channel === 'email' ? t('byEmail', { to: r.recipient }) : t('bySms', { to: r.recipient }))).join(t('and'));
  return (
    <section className="flex flex-col gap-1 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" data-testid="confirmation-route" data-mode={route.mode}>
      <h2 className="font-semibold">{t('title')}</h2>
      {route.mode === 'number' && <p>{t('number', { to: to || '—' })}</p>}
      {route.notice && <p>{t('notice', { number: route.notice.recipient })}</p>}
      {route.mode === 'contact' && <p>{t('contact', { to })}</p>}
      {route.mode === 'waitingPeriod' && <p className="font-medium">{t('waitingPeriod', { hours: waitHours })}</p>}
      <p className="text-amber-900">{t('tellSubscriber')}</p>
    </section>
  );
}
