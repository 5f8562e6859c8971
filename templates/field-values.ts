import { z } from 'zod';
import { TARIFFS, type FieldDef } from './define-template';
import { isValidEdrpou, isValidRnokpp, isValidUaIban, normalizeIban, normalizeUaMobile } from './validators';
import { multiLine, singleLine } from './validators/user-text';

/** `YYYY-MM-DD` that is a real calendar date (2023-02-30 is not). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const isoDate = () => z.string().trim().refine(isIsoDate, 'dateInvalid');

export interface FieldContext {
  /** The application's date (`YYYY-MM-DD`), for "not expired", "not in the future" rules. */
  applicationDate: string;
}

/**
 * The strict schema of one field's value when it is filled in. Custom messages are keys under
 * `validation.` in messages/*.json.
 */
export function fieldValueSchema(field: FieldDef, context: FieldContext): z.ZodType {
  switch (field.type) {
    case 'text':
      return singleLine().min(1, 'required').max(field.maxLength ?? 500, 'tooLong');
    case 'textarea':
      return multiLine().min(1, 'required').max(field.maxLength ?? 2000, 'tooLong');
    case 'address':
      return singleLine().min(5, 'addressTooShort').max(300, 'tooLong');
    case 'email':
      return singleLine().max(320, 'tooLong').pipe(z.email('emailInvalid'));
    case 'checkbox':
      return field.required ? z.literal(true, 'mustConfirm') : z.boolean();
    case 'select':
      return z.enum((field.options ?? []).map((o) => o.value) as [string, ...string[]], 'chooseOption');
    case 'tariff':
      return z.enum(TARIFFS.map((o) => o.value) as [string, ...string[]], 'chooseOption');
    case 'phone':
      return z
        .string()
        .max(40, 'tooLong')
        .transform((value, ctx) => {
          const normalized = normalizeUaMobile(value);
          if (!normalized) {
            ctx.addIssue({ code: 'custom', message: 'phoneInvalid' });
            return z.NEVER;
          }
          return normalized;
        });
    case 'rnokpp':
      return z.string().trim().refine(isValidRnokpp, 'rnokppInvalid');
    case 'edrpou':
      return z.string().trim().refine(isValidEdrpou, 'edrpouChecksum');
    case 'iban':
      return z
        .string()
        .max(64, 'tooLong')
        .transform(normalizeIban)
        .refine(isValidUaIban, 'ibanInvalid');
    case 'date': {
      let schema = isoDate();
      if (field.notBefore === 'applicationDate') schema = schema.refine((v) => v >= context.applicationDate, 'dateNotBeforeToday');
      if (field.notAfter === 'applicationDate') schema = schema.refine((v) => v <= context.applicationDate, 'dateNotAfterToday');
      return schema;
    }
    case 'list': {
      const row = z.object(Object.fromEntries((field.columns ?? []).map((column) => [column.key, fieldValueSchema(column, context)])));
      return z
        .array(row)
        .min(field.minRows ?? (field.required ? 1 : 0), 'listTooShort')
        .max(field.maxRows ?? 100, 'listTooLong');
    }
  }
}

/** Empty inputs ('' or whitespace, empty lists) count as not filled in. */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || value === false || (Array.isArray(value) && value.length === 0);
}
