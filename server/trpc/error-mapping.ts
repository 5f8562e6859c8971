import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { z, ZodError } from 'zod';
import en from '@/messages/en.json';
import uk from '@/messages/uk.json';
import { DomainError, type DomainErrorKind } from '@/server/errors/domain-error';

const CODE_OF: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  not_found: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  invalid: 'BAD_REQUEST',
  unauthenticated: 'UNAUTHORIZED',
  too_many: 'TOO_MANY_REQUESTS',
};

export const INTERNAL_MESSAGE = 'Something went wrong on our side. Please try again.';

/** The one place where domain errors become tRPC errors. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof DomainError) return new TRPCError({ code: CODE_OF[error.kind], message: error.message, cause: error });
  if (error instanceof ZodError) return new TRPCError({ code: 'BAD_REQUEST', message: summarize(fieldErrorsOf(error)), cause: error });
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE, cause: error });
}

type Dictionary = Record<string, unknown>;

/** Looks up "validation.edrpouChecksum" style keys in a messages file. */
function lookup(dict: Dictionary, key: string): string | undefined {
  let node: unknown = dict;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Dictionary)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export interface FieldError {
  path: string;
  message: string;
  messageUk: string;
}

const ukLocale = z.locales.uk();

/**
 * Zod issues as field errors in both languages. Our own rules use message keys from
 * messages/*.json; zod's built-in messages are rendered again with its Ukrainian locale.
 */
export function fieldErrorsOf(error: ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const key = `validation.${issue.message}`;
    const ownEn = lookup(en, key);
    const ownUk = lookup(uk, key);
    const localized = ukLocale.localeError(issue as Parameters<typeof ukLocale.localeError>[0]);
    const zodUk = typeof localized === 'string' ? localized : localized?.message;
    return {
      path: issue.path.map(String).join('.') || '(input)',
      message: ownEn ?? issue.message,
      messageUk: ownUk ?? zodUk ?? issue.message,
    };
  });
}

/** A readable one-line summary of the field errors, e.g. "email: Invalid email address". */
export function summarize(fieldErrors: FieldError[]): string {
  return `Invalid input: ${fieldErrors.map((f) => `${f.path}: ${f.message}`).join('; ')}`;
}

export function messageUkOf(error: TRPCError): string | undefined {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    // Parameters from the error's details; a `status` is said in Ukrainian too.
    return lookup(uk, cause.messageKey)?.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = String(cause.details?.[name] ?? '');
      return (name === 'status' && lookup(uk, `application.status.${value}`)) || value;
    });
  }
  return lookup(uk, `errors.${error.code}`);
}
