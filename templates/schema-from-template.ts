import { z } from 'zod';
import { guardIssues } from './confirmation-route';
import type { FieldDef, SectionDef, TemplateDef } from './define-template';
import { fieldValueSchema, isEmpty, type FieldContext } from './field-values';
import { multiLine, singleLine } from './validators/user-text';

export type FormValues = Record<string, Record<string, unknown>>;

/** Whether a conditional field is shown for these section values. */
export function isVisible(field: FieldDef, sectionValues: Record<string, unknown>): boolean {
  if (!field.showIf) return true;
  return sectionValues[field.showIf.field] === field.showIf.equals;
}

/**
 * The strict schema of a template's form: required fields present, every value valid, hidden
 * conditional fields dropped (not stored, not validated). Used by "complete" on the server and
 * by the dealer's form in the browser.
 */
export function formSchema(template: TemplateDef, context: FieldContext) {
  const sections = Object.fromEntries(template.sections.map((section) => [section.key, sectionSchema(section, context)]));
  // Cross-field: the SIM-swap guard's confirmation contact (templates/confirmation-route.ts).
  return z.object(sections).superRefine((values, ctx) => {
    for (const issue of guardIssues(template, values as FormValues)) ctx.addIssue({ code: 'custom', ...issue });
  });
}

/**
 * What an operator pre-fills (server/packages/): any subset of the fields, nothing required, but
 * every value given valid and normalised as in the complete form. Lists are taken as they are
 * (a row may be half filled); the dealer's "complete" checks them.
 */
export function prefillSchema(template: TemplateDef, context: FieldContext) {
  const sections = Object.fromEntries(template.sections.map((section) => [section.key, sectionSchema(section, context, { partial: true })]));
  return z.object(sections);
}

function sectionSchema(section: SectionDef, context: FieldContext, options: { partial?: boolean } = {}) {
  return z
    .record(z.string(), z.unknown())
    .default({})
    .transform((values, ctx) => {
      const out: Record<string, unknown> = {};
      for (const field of section.fields) {
        if (!isVisible(field, values) && !options.partial) continue;
        const value = values[field.key];
        if (isEmpty(value) && (field.type !== 'checkbox' || options.partial)) {
          if (field.required && !options.partial) ctx.addIssue({ code: 'custom', path: [field.key], message: 'required' });
          continue;
        }
        if (options.partial && field.type === 'list') {
          out[field.key] = value;
          continue;
        }
        const parsed = fieldValueSchema(field, context).safeParse(field.type === 'checkbox' ? value === true : value);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: [field.key, ...issue.path] } as never);
          continue;
        }
        out[field.key] = parsed.data;
      }
      return out;
    });
}

/**
 * What autosave accepts while the dealer types: the template's sections and fields only, values
 * of the right shape and size, nothing required yet. Unknown sections or fields are refused.
 */
export function draftSchema(template: TemplateDef) {
  const fieldShape = (field: FieldDef): z.ZodType => {
    if (field.type === 'checkbox') return z.boolean();
    if (field.type === 'list') {
      const row = z.object(Object.fromEntries((field.columns ?? []).map((c) => [c.key, singleLine().max(500, 'tooLong').optional()]))).strict();
      return z.array(row).max(field.maxRows ?? 100, 'listTooLong');
    }
    return field.type === 'textarea' ? multiLine().max(2000, 'tooLong') : singleLine().max(500, 'tooLong');
  };
  return z
    .object(
      Object.fromEntries(
        template.sections.map((section) => [
          section.key,
          z.object(Object.fromEntries(section.fields.map((field) => [field.key, fieldShape(field).optional()]))).strict().optional(),
        ]),
      ),
    )
    .strict();
}

/** Every field path of a template (`section.field`), for remarks and for "filled by the operator" marks. */
export function fieldPaths(template: TemplateDef): string[] {
  return template.sections.flatMap((section) => section.fields.map((field) => `${section.key}.${field.key}`));
}
