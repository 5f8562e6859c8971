import { TRPCError } from '@trpc/server';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { messageRefOf } from '@/server/trpc/error-mapping';
import { errorMessage } from '../../_components/error-text';
import { pageTitle } from '../../_lib/page-title';
import { serverCaller } from '../../_lib/server-caller';
import { SubscriberActions } from './subscriber-actions';

// The address holds the token: never send it on to another site.
export const generateMetadata = pageTitle('subscriber', { referrer: 'no-referrer', robots: { index: false, follow: false } });
export const dynamic = 'force-dynamic';

/** The subscriber's page behind the link from the SMS: no account, the application's state, the PDF, confirm or dispute. */
export default async function SubscriberPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('subscriber');
  const status = await getTranslations('application.status');
  const reasons = await getTranslations('backoffice.reasons');
  const locale = await getLocale();
  const format = await getFormatter();
  const translate = await getTranslations();
  const view = await (await serverCaller()).subscriber.view({ token }).catch((error: unknown) => (error instanceof TRPCError ? error : Promise.reject(error)));

  if (view instanceof TRPCError) {
    const message = errorMessage(translate, messageRefOf(view));
    return (
      <section className="mx-auto max-w-xl rounded-lg border border-red-200 bg-white p-6" data-testid="link-error" data-code={view.code}>
        <h1 className="mb-2 text-xl font-semibold">{t('errorTitle')}</h1>
        <p>{message}</p>
        <p className="mt-3 text-sm text-slate-600">{t('errorHelp')}</p>
      </section>
    );
  }

  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Kyiv' });
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4" data-testid="subscriber-view" data-status={view.status}>
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-500">{t('number')}</dt>
        <dd data-testid="subscriber-number">{view.number}</dd>
        <dt className="text-slate-500">{t('type')}</dt>
        <dd>{locale === 'en' ? view.title.en : view.title.uk}</dd>
        <dt className="text-slate-500">{t('date')}</dt>
        <dd>{view.submittedAt ? when(view.submittedAt) : view.applicationDate}</dd>
        <dt className="text-slate-500">{t('pointOfSale')}</dt>
        <dd>{view.pointOfSale ?? '—'}</dd>
        <dt className="text-slate-500">{t('status')}</dt>
        <dd className="font-semibold" data-testid="subscriber-status">
          {status(view.status)}
          {view.status === 'rejected' && view.decisionReason && reasons.has(view.decisionReason) ? ` — ${reasons(view.decisionReason)}` : ''}
        </dd>
      </dl>
      {view.hasPdf && (
        <a href={`/api/s/${token}/pdf`} className="self-start rounded border border-brand-600 px-4 py-2 font-medium text-brand-700" data-testid="subscriber-pdf">
          {t('downloadPdf')}
        </a>
      )}
      {view.status === 'approved' && (
        <section className="rounded-lg border border-green-300 bg-green-50 p-4 text-green-950" data-testid="subscriber-outcome">
          <p className="font-semibold">{t('outcome.approved')}</p>
          <p>{view.approvedMeans ? (locale === 'en' ? view.approvedMeans.en : view.approvedMeans.uk) : t('outcome.approvedGeneric')}</p>
        </section>
      )}
      {view.status === 'rejected' && (
        <section className="rounded-lg border border-slate-300 bg-slate-50 p-4" data-testid="subscriber-outcome">
          <p className="font-semibold">{t('outcome.rejected')}</p>
          <p>{t('outcome.rejectedNext')}</p>
        </section>
      )}
      {view.purpose === 'notice' && view.status === 'submitted' && !view.disputedAt && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950" data-testid="subscriber-notice">
          {view.waitingPeriodEndsAt ? t('notice.waiting', { date: when(view.waitingPeriodEndsAt) }) : t('notice.elsewhere')}
        </p>
      )}
      {view.confirmedAt && <p className="text-green-800">{t('youConfirmed', { date: when(view.confirmedAt) })}</p>}
      {view.disputedAt && <p className="font-medium text-red-800">{t(view.status === 'disputed' ? 'youDisputedFrozen' : 'youDisputed', { date: when(view.disputedAt) })}</p>}
      <SubscriberActions
        token={token}
        canConfirm={view.canConfirm}
        canDispute={view.canDispute}
        prompt={view.canConfirm ? t('question') : view.status === 'approved' ? t('ifNotYouApproved') : t('ifNotYou')}
      />
    </div>
  );
}
