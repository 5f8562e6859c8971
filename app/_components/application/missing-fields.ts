import type { FieldDef, TemplateDef, Text } from '@/templates/define-template';
import { isEmpty } from '@/templates/field-values';
import { isVisible, type FormValues } from '@/templates/schema-from-template';

export interface MissingField {
  path: string;
  label: Text;
}

function listIncomplete(field: FieldDef, value: unknown): boolean {
  const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  if (rows.length < (field.minRows ?? (field.required ? 1 : 0))) return true;
  return rows.some((row) => (field.columns ?? []).some((column) => column.required && isEmpty(row[column.key])));
}

/**
 * The required fields still empty (only those shown for the current values; a list counts while it
 * has too few rows or a row with an empty required cell): what the dealer still has to fill in a
 * form the operator prepared. Emptiness only — the server's schema still checks every value.
 */
export function missingFields(template: TemplateDef, values: FormValues): MissingField[] {
  return template.sections.flatMap((section) => {
    const sectionValues = values[section.key] ?? {};
    return section.fields
      .filter((field) => field.required && isVisible(field, sectionValues))
      .filter((field) => (field.type === 'list' ? listIncomplete(field, sectionValues[field.key]) : isEmpty(sectionValues[field.key])))
      .map((field) => ({ path: `${section.key}.${field.key}`, label: field.label }));
  });
}
