import type { CompanyDetails } from '@/db/schema';
import type { TemplateDef } from '@/templates';
import { isEmpty } from '@/templates/field-values';
import { companySections, isLegalEntityForm } from './company-details';

export type FormData = Record<string, Record<string, unknown>>;

/**
 * One form of a package as the dealer will receive it: what the operator typed (already checked
 * as a draft), with the company's sections taken from the package's details, so the company is
 * typed once.
 */
export function prefilledForm(template: TemplateDef, draft: FormData, details: CompanyDetails | null): FormData {
  if (!details || !isLegalEntityForm(template)) return draft;
  return { ...draft, ...companySections(details) };
}

/** The fields that have a value (`section.field`): what the dealer sees marked "filled by the operator". */
export function filledPaths(template: TemplateDef, formData: FormData): string[] {
  return template.sections.flatMap((section) => section.fields.filter((field) => !isEmpty(formData[section.key]?.[field.key])).map((field) => `${section.key}.${field.key}`));
}
