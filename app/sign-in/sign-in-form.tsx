'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Field } from '../_components/field';

const schema = z.object({
  email: z.string().trim().pipe(z.email('emailInvalid')),
  password: z.string().min(1, 'passwordRequired'),
});
type Values = z.infer<typeof schema>;

/**
 * Works before (and without) the page's script: the form posts natively to /api/auth/sign-in/form,
 * which signs in and redirects (or comes back with ?error=). Once hydrated, it signs in by fetch.
 */
export function SignInForm({ next, initialFailure = null }: { next: string; initialFailure?: string | null }) {
  const t = useTranslations('signIn');
  const [failure, setFailure] = useState<string | null>(initialFailure);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: '', password: '' } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const response = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(values),
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
  });

  return (
    <form onSubmit={onSubmit} action="/api/auth/sign-in/form" method="post" noValidate className="flex flex-col gap-4">
      <input type="hidden" name="next" value={next} />
      <Field label={t('email')} error={errors.email?.message && t(errors.email.message)}>
        <input type="email" autoComplete="username" inputMode="email" autoFocus {...form.register('email')} />
      </Field>
      <Field label={t('password')} error={errors.password?.message && t(errors.password.message)}>
        <input type="password" autoComplete="current-password" {...form.register('password')} />
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
