import { useTranslations } from 'next-intl';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';

/**
 * The one place where a server error becomes a sentence in the UI's language. The server sends
 * a message key with parameters, never a translated text (server/trpc/error-mapping.ts for tRPC,
 * server/http/limited-body.ts `jsonError` for route handlers); messages/*.json say it.
 * No 'use client': the hooks serve client components, `errorMessage` also server pages.
 */

/** An error as the server describes it: `data` of a tRPC error, `error` of a route handler's JSON. */
export interface ServerMessage {
  messageKey?: string;
  params?: Record<string, string | number>;
}

export interface ServerFieldError extends ServerMessage {
  path: string;
}

/** What of next-intl's translator this needs: the root one, `useTranslations()` or `getTranslations()`. */
export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/**
 * A server message in the translator's language. An application status among the parameters
 * is said in words (`application.status.*`); an unknown or missing key reads as `fallback`, else
 * as the generic error.
 */
export function errorMessage(t: Translate, message: ServerMessage | null | undefined, fallback?: string): string {
  const key = message?.messageKey;
  if (!key || !t.has(key)) return fallback ?? t('errors.generic');
  const params = { ...message.params };
  const status = params.status;
  if (typeof status === 'string' && t.has(`application.status.${status}`)) params.status = t(`application.status.${status}`);
  return t(key, params);
}

/** The server's message in an error: a tRPC error's `data`, or the `error` of a route handler's JSON body. */
function serverMessageOf(error: unknown): ServerMessage | null {
  if (typeof error !== 'object' || error === null) return null;
  const data = (error as { data?: unknown }).data;
  if (typeof data === 'object' && data !== null && 'messageKey' in data) return data as ServerMessage;
  return 'messageKey' in error ? (error as ServerMessage) : null;
}

function fieldErrorsOf(error: unknown): ServerFieldError[] {
  const data = typeof error === 'object' && error !== null ? (error as { data?: { fieldErrors?: unknown } | null }).data : null;
  return Array.isArray(data?.fieldErrors) ? (data.fieldErrors as ServerFieldError[]) : [];
}

/** A server error (tRPC's, or a route handler's `error`) as a sentence in the UI's language; `fallback` when it names none. */
export function useErrorText() {
  const t = useTranslations();
  return (error: unknown, fallback?: string): string => errorMessage(t, serverMessageOf(error), fallback);
}

/** The server's field-level errors, each as a sentence in the UI's language. */
export function useFieldErrorTexts() {
  const t = useTranslations();
  return (error: unknown): { path: string; message: string }[] => fieldErrorsOf(error).map((f) => ({ path: f.path, message: errorMessage(t, f) }));
}

/** Puts the server's field-level errors on the form's fields (paths mapped by `toField`); returns whether any were placed. */
export function useApplyFieldErrors() {
  const fieldErrorTexts = useFieldErrorTexts();
  return <T extends FieldValues>(form: UseFormReturn<T>, error: unknown, toField: (path: string) => string = (path) => path): boolean => {
    const fieldErrors = fieldErrorTexts(error);
    for (const fieldError of fieldErrors) form.setError(toField(fieldError.path) as Path<T>, { type: 'server', message: fieldError.message });
    return fieldErrors.length > 0;
  };
}

/** Our validation keys (e.g. "edrpouChecksum") in the UI's language; other messages as they are. */
export function useValidationText() {
  const t = useTranslations('validation');
  return (message: string | undefined): string | undefined => (message && t.has(message) ? t(message) : message);
}
