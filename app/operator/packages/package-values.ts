/**
 * The package editor's data: what a package and its items look like in the browser, and the plain
 * functions between them and the procedures' inputs (no React here).
 */
import type { FormValues } from '../../_components/application/template-form';
import type { TemplateDef } from '@/templates';
import type { FieldDef } from '@/templates/define-template';
import { AUTHORITY_SECTION, COMPANY_SECTION, isLegalEntityForm, type CompanyDetails } from '@/templates/legal-entity';
import { fieldValueSchema, isEmpty } from '@/templates/field-values';
import { isVisible } from '@/templates/schema-from-template';

export type Kind = 'legal-entity' | 'individual';
export type Status = 'draft' | 'sent' | 'opened';

/** The company details as the procedures take them (`company.company.edrpou` … are also the error paths). */
export interface CompanyValues {
  company: {
    company: { name: string; edrpou: string; legalAddress: string; iban: string };
    authority: { poaNumber: string; poaDate: string; poaValidUntil: string };
    representative: { name: string; position: string };
  };
}

export interface LoadedPackage {
  id: string;
  number: string;
  kind: Kind;
  title: string;
  status: Status;
  version: number;
  details: CompanyDetails | null;
  sentAt: Date | null;
  items: { templateId: string; formData: Record<string, Record<string, unknown>> }[];
}

export interface Item {
  key: string;
  templateId: string;
  formData: FormValues;
}

const COMPANY_SECTION_KEYS = new Set<string>([COMPANY_SECTION.key, AUTHORITY_SECTION.key]);

/** A key for an item of the list (the list's React keys and the item forms' map). */
export const newKey = () => crypto.randomUUID();

export function companyValues(details: CompanyDetails | null): CompanyValues {
  return {
    company: {
      company: { name: details?.name ?? '', edrpou: details?.edrpou ?? '', legalAddress: details?.legalAddress ?? '', iban: details?.iban ?? '' },
      authority: { poaNumber: details?.poaNumber ?? '', poaDate: details?.poaDate ?? '', poaValidUntil: details?.poaValidUntil ?? '' },
      representative: { name: details?.representativeName ?? '', position: details?.representativePosition ?? '' },
    },
  };
}

/** The part of a form the operator fills in a package: a company's form without the company sections, which come from the details. */
export function itemTemplate(kind: Kind, template: TemplateDef): TemplateDef {
  if (kind !== 'legal-entity' || !isLegalEntityForm(template)) return template;
  return { ...template, sections: template.sections.filter((s) => !COMPANY_SECTION_KEYS.has(s.key)) };
}

/** Only what was filled: empty inputs, unticked boxes and blank rows are left out (they are the dealer's to fill). */
export function filledOnly(values: FormValues): FormValues {
  const out: FormValues = {};
  for (const [section, fields] of Object.entries(values)) {
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (Array.isArray(value)) {
        const rows = value.filter((row) => Object.values(row as Record<string, unknown>).some((cell) => String(cell ?? '').trim() !== ''));
        if (rows.length) kept[key] = rows;
      } else if (typeof value === 'string' ? value.trim() !== '' : value === true) kept[key] = value;
    }
    if (Object.keys(kept).length) out[section] = kept;
  }
  return out;
}

/**
 * What the operator filled that is already wrong (a bad phone number, an e-mail without @), with
 * its path in the form; empty fields are the dealer's to fill and not checked here. The server
 * keeps drafts loose, so this is said now rather than to the dealer later.
 */
export function invalidFilled(template: TemplateDef, values: FormValues, applicationDate: string): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const check = (field: FieldDef, value: unknown, path: string) => {
    const parsed = fieldValueSchema(field, { applicationDate }).safeParse(value);
    if (!parsed.success) problems.push({ path, message: parsed.error.issues[0]?.message ?? 'required' });
  };
  for (const section of template.sections) {
    const sectionValues = values[section.key] ?? {};
    for (const field of section.fields) {
      const value = sectionValues[field.key];
      if (!isVisible(field, sectionValues) || field.type === 'checkbox' || isEmpty(value)) continue;
      if (field.type !== 'list') {
        check(field, value, `${section.key}.${field.key}`);
        continue;
      }
      (value as Record<string, unknown>[]).forEach((row, index) => {
        for (const column of field.columns ?? []) {
          if (!isEmpty(row[column.key])) check(column, row[column.key], `${section.key}.${field.key}.${index}.${column.key}`);
        }
      });
    }
  }
  return problems;
}
