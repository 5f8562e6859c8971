import { invalid } from '@/server/errors/domain-error';
import type { TemplateDef } from '@/templates';
import { fieldPaths } from '@/templates/schema-from-template';

/** Remarks on a return: each names a field of the form or of a party; at least one, or a general note. */
export function checkedRemarks(template: TemplateDef, input: { remarks: Record<string, string>; note: string }): Record<string, string> {
  const known = new Set(fieldPaths(template));
  for (const path of Object.keys(input.remarks)) {
    const party = /^parties\.([^.]+)\.[^.]+$/.exec(path)?.[1];
    if (!known.has(path) && !(party && template.parties.some((p) => p.key === party))) throw invalid('errors.unknownField', `The form has no field "${path}"`);
  }
  const remarks = { ...input.remarks, ...(input.note ? { _general: input.note } : {}) };
  if (Object.keys(remarks).length === 0) throw invalid('errors.remarksRequired', 'Say what must be corrected');
  return remarks;
}
