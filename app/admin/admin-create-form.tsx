'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useApplyFieldErrors, useErrorText, useValidationText } from '../_components/error-text';
import { SubmitButton } from '../_components/panel';
import { useTRPC } from '../_components/trpc-provider';

/**
 * What every admin create form does around its mutation: on success the form is emptied, "saved"
 * is said and the admin lists are refreshed; on failure the server's field errors go on their
 * fields, anything else becomes the notice. `handlers` go into the procedure's `mutationOptions`.
 */
export function useAdminCreate<T extends FieldValues>(form: UseFormReturn<T>) {
  const t = useTranslations('admin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const applyFieldErrors = useApplyFieldErrors();
  const [notice, setNotice] = useState<string | null>(null);
  return {
    notice,
    setNotice,
    v: useValidationText(),
    handlers: {
      onSuccess: async () => {
        form.reset();
        setNotice(t('saved'));
        await queryClient.invalidateQueries({ queryKey: trpc.admin.pathKey() });
      },
      onError: (error: unknown) => {
        if (!applyFieldErrors(form, error)) setNotice(errorText(error));
      },
    },
  };
}

/** An admin create form: its title, its fields (`children`), and the save button with the notice. */
export function AdminCreateForm({
  title,
  testId,
  pending,
  notice,
  onSubmit,
  className = 'mt-4',
  children,
}: {
  title: string;
  testId: string;
  pending: boolean;
  notice: string | null;
  onSubmit: React.FormEventHandler<HTMLFormElement>;
  className?: string;
  children: React.ReactNode;
}) {
  const t = useTranslations('admin');
  return (
    <form noValidate className={`${className} grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-2`} onSubmit={onSubmit} data-testid={testId}>
      <h3 className="font-medium sm:col-span-2">{title}</h3>
      {children}
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton pending={pending} label={t('save')} pendingLabel={t('saving')} />
        {notice && (
          <span role="status" className="text-sm">
            {notice}
          </span>
        )}
      </div>
    </form>
  );
}
