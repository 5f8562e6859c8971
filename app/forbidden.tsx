import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function Forbidden() {
  const t = await getTranslations('forbidden');
  return (
    <div className="mx-auto mt-8 max-w-md rounded-lg border border-amber-300 bg-amber-50 p-6">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <p className="my-2">{t('body')}</p>
      <Link href="/" className="text-brand-700 underline">
        {t('back')}
      </Link>
    </div>
  );
}
