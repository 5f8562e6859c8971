import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { WORKSPACE_PATH } from '@/server/auth/roles';
import { pageActor } from '../_lib/guard';
import { SignInForm } from './sign-in-form';
import { pageTitle } from '../_lib/page-title';

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | string[] | undefined): string | null {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export const generateMetadata = pageTitle('signIn');

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await pageActor();
  const next = safeNext((await searchParams).next);
  if (actor) redirect(next ?? WORKSPACE_PATH[actor.role]);
  const t = await getTranslations('signIn');
  return (
    <div className="mx-auto mt-8 max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mb-4 text-sm text-slate-600">{t('subtitle')}</p>
      <SignInForm next={next ?? '/'} />
    </div>
  );
}
