import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { serverCaller } from '../_lib/server-caller';
import { VerifyUpload } from './verify-upload';
import { pageTitle } from '../_lib/page-title';

export const generateMetadata = pageTitle('verify');

/** Public: check a PDF, or see the state of the application a QR code points to. No personal data. */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('verify');
  const ts = await getTranslations('application.status');
  const locale = await getLocale();
  const a = (await searchParams).a;
  const id = typeof a === 'string' && z.uuid().safeParse(a).success ? a : null;
  const info = id ? await (await serverCaller()).verification.application({ applicationId: id }) : null;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-slate-600">{t('intro')}</p>
      </div>
      {typeof a === 'string' && (
        <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="qr-result">
          <h2 className="mb-2 font-semibold">{t('qrTitle')}</h2>
          {info ? (
            <dl className="grid grid-cols-2 gap-1 text-sm">
              <dt className="text-slate-500">{t('number')}</dt>
              <dd>{info.number}</dd>
              <dt className="text-slate-500">{t('form')}</dt>
              <dd>{locale === 'en' ? info.templateTitle.en : info.templateTitle.uk}</dd>
              <dt className="text-slate-500">{t('date')}</dt>
              <dd>{info.applicationDate}</dd>
              <dt className="text-slate-500">{t('status')}</dt>
              <dd>{ts(info.status as 'draft')}</dd>
              <dt className="text-slate-500">{t('pointOfSale')}</dt>
              <dd>{info.pointOfSale ?? '—'}</dd>
              <dt className="text-slate-500">{t('sealedAt')}</dt>
              <dd>{info.sealedAt ? info.sealedAt.toLocaleString(locale === 'en' ? 'en-GB' : 'uk-UA', { timeZone: 'Europe/Kyiv' }) : t('noSeal')}</dd>
            </dl>
          ) : (
            <p>{t('notFound')}</p>
          )}
        </section>
      )}
      <VerifyUpload />
    </div>
  );
}
