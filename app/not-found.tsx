import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <div className="mx-auto mt-8 max-w-md rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-xl font-semibold">{t('title')}</h1>
      <Link href="/" className="text-brand-700 underline">
        {t('back')}
      </Link>
    </div>
  );
}
