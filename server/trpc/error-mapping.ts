import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError, type z } from 'zod';
import en from '@/messages/en.json';
import { DomainError, type DomainErrorKind, type ErrorParams, type MessageRef } from '@/server/errors/domain-error';

export type { ErrorParams, MessageRef };

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
  if (error instanceof ZodError) return new TRPCError({ code: 'BAD_REQUEST', message: summarize(error), cause: error });
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE, cause: error });
}

export interface FieldError extends MessageRef {
  path: string;
}

/** The key of a refusal whose field errors say why (each field error carries its own key). */
export const INVALID_FIELDS_KEY = 'errors.invalidFields';

/** A tRPC error as a message key: the domain's own key and details, else the key of its code. */
export function messageRefOf(error: TRPCError): MessageRef {
  // An internal failure never tells its cause.
  if (error.code === 'INTERNAL_SERVER_ERROR') return { messageKey: 'errors.INTERNAL_SERVER_ERROR', params: {} };
  const cause = error.cause;
  if (cause instanceof DomainError) return { messageKey: cause.messageKey, params: paramsOf(cause.details) };
  if (cause instanceof ZodError) return { messageKey: INVALID_FIELDS_KEY, params: {} };
  return { messageKey: `errors.${error.code}`, params: {} };
}

/** Details as parameters: strings and numbers as they are, lists joined, anything else left out. */
export function paramsOf(details: Record<string, unknown> | undefined): ErrorParams {
  const params: ErrorParams = {};
  for (const [name, value] of Object.entries(details ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) params[name] = value.join(', ');
  }
  return params;
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

/** A limit as a parameter: a number, or for dates the day (zod gives dates as their time). */
function limit(value: unknown, origin: string): string | number {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (origin === 'date' && typeof value === 'number') return new Date(value).toISOString().slice(0, 10);
  return Number(value);
}

/**
 * Zod's issue as a message key: our own rules name their key in the message (e.g.
 * "edrpouChecksum" → validation.edrpouChecksum); zod's built-in issues get keys of their own,
 * with the limits as parameters.
 */
function issueRef(issue: z.core.$ZodIssue): MessageRef {
  const own = `validation.${issue.message}`;
  if (lookup(en, own) !== undefined) return { messageKey: own, params: issue.code === 'custom' ? paramsOf(issue.params) : {} };
  switch (issue.code) {
    case 'invalid_type':
      return { messageKey: 'validation.invalidType', params: { expected: issue.expected } };
    case 'too_small':
      return {
        messageKey: issue.inclusive === false ? 'validation.tooSmallExclusive' : 'validation.tooSmall',
        params: { minimum: limit(issue.minimum, issue.origin), origin: issue.origin },
      };
    case 'too_big':
      return {
        messageKey: issue.inclusive === false ? 'validation.tooBigExclusive' : 'validation.tooBig',
        params: { maximum: limit(issue.maximum, issue.origin), origin: issue.origin },
      };
    case 'invalid_format':
      if (issue.format === 'email') return { messageKey: 'validation.emailInvalid', params: {} };
      if (issue.format === 'uuid' || issue.format === 'guid') return { messageKey: 'validation.invalidId', params: {} };
      return { messageKey: 'validation.invalidFormat', params: { format: issue.format } };
    case 'invalid_value':
      return { messageKey: 'validation.invalidValue', params: { values: issue.values.map(String).join(', ') } };
    case 'not_multiple_of':
      return { messageKey: 'validation.notMultipleOf', params: { divisor: issue.divisor } };
    case 'unrecognized_keys':
      return { messageKey: 'validation.unrecognizedKeys', params: { keys: issue.keys.join(', ') } };
    default:
      return { messageKey: 'validation.invalid', params: {} };
  }
}

const pathOf = (issue: z.core.$ZodIssue) => issue.path.map(String).join('.') || '(input)';

/** Zod issues as field errors: where, which message key, with what parameters. */
export function fieldErrorsOf(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: pathOf(issue), ...issueRef(issue) }));
}

/** A readable one-line English summary of the field errors, e.g. "Invalid input: email: Invalid e-mail address." */
export function summarize(error: ZodError): string {
  return `Invalid input: ${error.issues.map((issue) => `${pathOf(issue)}: ${lookup(en, `validation.${issue.message}`) ?? issue.message}`).join('; ')}`;
}
