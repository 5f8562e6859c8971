'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field } from '../_components/field';

type Errors = { email?: 'emailInvalid'; password?: 'passwordRequired' };

/** The two checks the server makes again; kept here without a form library, so the page stays light. */
function check(email: string, password: string): Errors {
  const errors: Errors = {};
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'emailInvalid';
  if (password.length === 0) errors.password = 'passwordRequired';
  return errors;
}

/**
 * Works before (and without) the page's script: the form posts natively to /api/auth/sign-in/form,
 * which signs in and redirects (or comes back with ?error=). Once hydrated, it signs in by fetch.
 * Two fields need no form library or schema library: the sign-in page is the first a dealer loads
 * over a slow link, so it ships almost no script (docs/benchmarks.md, page weight).
 */
export function SignInForm({ next, initialFailure = null }: { next: string; initialFailure?: string | null }) {
  const t = useTranslations('signIn');
  const [failure, setFailure] = useState<string | null>(initialFailure);
  const [errors, setErrors] = useState<Errors>({});
  const [isSubmitting, setSubmitting] = useState(false);

  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const found = check(email, password);
    setErrors(found);
    if (found.email || found.password) return;
    setFailure(null);
    setSubmitting(true);
    try {
      const response = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      if (response.ok) {
        window.location.assign(next);
        return;
      }
      if (response.status === 429) {
        const seconds = Number(response.headers.get('retry-after') ?? '900');
        setFailure(t('tooManyAttempts', { minutes: Math.ceil(seconds / 60) }));
      } else if (response.status === 401 || response.status === 400) {
        setFailure(t('invalidCredentials'));
      } else {
        setFailure(t('failed'));
      }
    } catch {
      setFailure(t('failed'));
    }
    setSubmitting(false);
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} action="/api/auth/sign-in/form" method="post" noValidate className="flex flex-col gap-4">
      <input type="hidden" name="next" value={next} />
      <Field label={t('email')} error={errors.email && t(errors.email)}>
        <input type="email" name="email" autoComplete="username" inputMode="email" autoFocus />
      </Field>
      <Field label={t('password')} error={errors.password && t(errors.password)}>
        <input type="password" name="password" autoComplete="current-password" />
      </Field>
      {failure && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800" data-testid="sign-in-error">
          {failure}
        </p>
      )}
      <button type="submit" disabled={isSubmitting} className="rounded bg-brand-600 px-4 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {isSubmitting ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
