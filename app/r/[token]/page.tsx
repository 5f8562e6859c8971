import { TRPCError } from '@trpc/server';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { messageRefOf } from '@/server/trpc/error-mapping';
import { errorMessage } from '../../_components/error-text';
import { pageTitle } from '../../_lib/page-title';
import { serverCaller } from '../../_lib/server-caller';
import { LinkActions } from './link-actions';
import { LinkAttachment } from './link-attachment';

// The address holds the token: never send it on to another site, never index it.
export const generateMetadata = pageTitle('requestLink', { referrer: 'no-referrer', robots: { index: false, follow: false } });
export const dynamic = 'force-dynamic';

/**
 * /r/<token>: the subscriber's private link to a written request (from the SMS or e-mail, or the
 * form's last step). The request, its status and promised time, the conversation without the back
 * office's internal notes, and what the subscriber may do now.
 */
export default async function RequestLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('requests');
  const locale = await getLocale();
  const format = await getFormatter();
  const translate = await getTranslations();
  const view = await (await serverCaller()).requests.link.view({ token }).catch((error: unknown) => (error instanceof TRPCError ? error : Promise.reject(error)));

  if (view instanceof TRPCError) {
    return (
      <section className="mx-auto flex max-w-xl flex-col gap-2 rounded-lg border border-red-200 bg-white p-6" data-testid="link-error" data-code={view.code}>
        <h1 className="text-xl font-semibold">{t('link.errorTitle')}</h1>
        <p>{errorMessage(translate, messageRefOf(view))}</p>
        <p className="text-sm text-slate-600">{t('link.errorHelp')}</p>
        <Link href="/requests/new" className="self-start text-brand-700 underline">
          {t('link.writeNew')}
        </Link>
      </section>
    );
  }

  const when = (date: Date) => format.dateTime(date, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Kyiv' });
  const due = view.firstResponseAt ? view.resolutionDueAt : view.firstResponseDueAt;
  const open = view.status !== 'resolved' && view.status !== 'closed';
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4" data-testid="request-view" data-status={view.status}>
      <h1 className="text-2xl font-semibold" data-testid="request-title">
        {t('link.title', { number: view.number })}
      </h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-500">{t('link.category')}</dt>
        <dd>{locale === 'en' ? view.category.nameEn : view.category.nameUk}</dd>
        <dt className="text-slate-500">{t('link.created')}</dt>
        <dd>{when(view.createdAt)}</dd>
        <dt className="text-slate-500">{t('link.status')}</dt>
        <dd className="font-semibold" data-testid="request-status-text" data-status={view.status}>
          {t(`subscriberStatus.${view.status}`)}
        </dd>
        {open && view.status !== 'waiting' && (
          <>
            <dt className="text-slate-500">{t('link.due')}</dt>
            <dd data-testid="request-due">{when(due)}</dd>
          </>
        )}
        {view.resolvedAt && (
          <>
            <dt className="text-slate-500">{t('link.resolvedAt')}</dt>
            <dd>{when(view.resolvedAt)}</dd>
          </>
        )}
      </dl>
      {view.mergedIntoNumber && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="request-merged">
          {t('link.merged', { number: view.mergedIntoNumber })}
        </p>
      )}
      <section className="flex flex-col gap-2" aria-labelledby="request-conversation">
        <h2 id="request-conversation" className="text-lg font-semibold">
          {t('link.conversation')}
        </h2>
        <ol className="flex flex-col gap-2" data-testid="request-messages">
          {view.messages.map((m) => (
            <li
              key={m.seq}
              className={`rounded-lg border p-3 text-sm ${m.kind === 'subscriber' ? 'ml-6 border-brand-200 bg-brand-50' : m.kind === 'reply' ? 'mr-6 border-slate-200 bg-white' : 'border-dashed border-slate-300 bg-slate-50 text-slate-600'}`}
              data-testid="request-message"
              data-kind={m.kind}
            >
              <div className="mb-1 flex justify-between gap-2 text-xs text-slate-500">
                <span className="font-medium">{m.kind === 'subscriber' ? t('link.you') : m.kind === 'reply' ? t('link.staff') : t('link.system')}</span>
                <time dateTime={m.createdAt.toISOString()}>{when(m.createdAt)}</time>
              </div>
              {m.body && <p className="whitespace-pre-wrap break-words">{m.body}</p>}
              {m.attachment && <LinkAttachment token={token} attachment={m.attachment} />}
            </li>
          ))}
        </ol>
      </section>
      <LinkActions token={token} can={view.can} rating={view.rating} />
    </div>
  );
}
