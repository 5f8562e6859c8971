import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SIGN_IN_ERRORS, type SignInError } from '@/server/http/handle-auth-request';
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
  const params = await searchParams;
  const next = safeNext(params.next);
  if (actor) redirect(next ?? WORKSPACE_PATH[actor.role]);
  const t = await getTranslations('signIn');
  const failure = failureText(params, t);
  return (
    <div className="mx-auto mt-8 max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mb-4 text-sm text-slate-600">{t('subtitle')}</p>
      <SignInForm next={next ?? '/'} initialFailure={failure} />
    </div>
  );
}

/** The error the form-post sign-in (without the page's script) came back with. */
function failureText(params: Record<string, string | string[] | undefined>, t: Awaited<ReturnType<typeof getTranslations<'signIn'>>>): string | null {
  const error = params.error;
  if (typeof error !== 'string' || !(SIGN_IN_ERRORS as readonly string[]).includes(error)) return null;
  switch (error as SignInError) {
    case 'invalid':
      return t('invalidCredentials');
    case 'throttled': {
      const seconds = Number(typeof params.retry === 'string' ? params.retry : '900');
      return t('tooManyAttempts', { minutes: Math.ceil((Number.isFinite(seconds) && seconds > 0 ? seconds : 900) / 60) });
    }
    case 'failed':
      return t('failed');
  }
}
