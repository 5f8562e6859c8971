'use client';

import { TRPCClientError } from '@trpc/client';
import { useLocale, useTranslations } from 'next-intl';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { AppRouter } from '@/server/trpc/root';

type ServerFieldError = { path: string; message: string; messageUk: string };

function isTrpcError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}

/** A server error as a sentence in the UI's language. */
export function useErrorText() {
  const locale = useLocale();
  const t = useTranslations('errors');
  return (error: unknown): string => {
    if (!isTrpcError(error)) return t('generic');
    if (locale === 'uk' && error.data?.messageUk) return error.data.messageUk;
    if (locale === 'uk') return t.has(error.data?.code ?? 'generic') ? t(error.data?.code ?? 'generic') : t('generic');
    return error.message;
  };
}

/** Puts the server's field-level errors on the form's fields; returns whether any were placed. */
export function useApplyFieldErrors() {
  const locale = useLocale();
  return <T extends FieldValues>(form: UseFormReturn<T>, error: unknown): boolean => {
    if (!isTrpcError(error)) return false;
    const fieldErrors = (error.data?.fieldErrors ?? []) as ServerFieldError[];
    for (const fieldError of fieldErrors) {
      form.setError(fieldError.path as Path<T>, { type: 'server', message: locale === 'uk' ? fieldError.messageUk : fieldError.message });
    }
    return fieldErrors.length > 0;
  };
}

/** Our validation keys (e.g. "edrpouChecksum") in the UI's language; other messages as they are. */
export function useValidationText() {
  const t = useTranslations('validation');
  return (message: string | undefined): string | undefined => (message && t.has(message) ? t(message) : message);
}
