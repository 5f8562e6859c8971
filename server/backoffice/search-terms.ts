import type { TemplateDef } from '@/templates';
import { COMPANY_SECTION } from '@/templates/legal-entity';

type FormData = Record<string, Record<string, unknown>>;

/** A Ukrainian number as its national digits: +380 67 123 45 67 → 0671234567; other digits as they are. */
export function phoneDigits(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length === 12 && digits.startsWith('380') ? digits.slice(2) : digits;
}

const lower = (value: string) => value.toLocaleLowerCase('uk').replace(/\s+/g, ' ').trim();

/** Every phone number of the form (its `phone` fields, also in list rows). */
function phonesOf(template: TemplateDef, formData: FormData): string[] {
  const phones: string[] = [];
  for (const section of template.sections) {
    const values = formData[section.key] ?? {};
    for (const field of section.fields) {
      if (field.type === 'phone' && typeof values[field.key] === 'string') phones.push(values[field.key] as string);
      if (field.type === 'list' && Array.isArray(values[field.key])) {
        for (const row of values[field.key] as unknown[]) {
          for (const column of field.columns ?? []) {
            const cell = row && typeof row === 'object' ? (row as Record<string, unknown>)[column.key] : undefined;
            if (column.type === 'phone' && typeof cell === 'string') phones.push(cell);
          }
        }
      }
    }
  }
  return phones.map(phoneDigits).filter((d) => d.length > 0);
}

/**
 * What the back office finds a submitted application by: the identified people's names (the
 * subscriber, or a company's representative, and the company's name) and the form's phone
 * numbers. Stored on submission, so the queue's search is a filter on one column.
 */
export function searchTermsOf(template: TemplateDef, formData: FormData, identifications: { party: string; values: Record<string, unknown> }[]): { subscriberName: string | null; searchText: string | null } {
  const names = template.parties
    .map((party) => identifications.find((i) => i.party === party.key)?.values.fullName)
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    .map((n) => n.trim());
  const company = formData[COMPANY_SECTION.key]?.name;
  if (typeof company === 'string' && company.trim() !== '') names.push(company.trim());
  const terms = [...names.map(lower), ...phonesOf(template, formData)];
  return { subscriberName: names.length > 0 ? names.join(', ') : null, searchText: terms.length > 0 ? terms.join(' | ') : null };
}

/**
 * The LIKE pattern for what the employee typed: a phone number as national digits (any part of
 * it), otherwise a part of a name, lowercased the same way. null when nothing is left to search for.
 */
export function searchPattern(typed: string): string | null {
  const text = typed.trim();
  if (text === '') return null;
  const looksLikePhone = /^[\d\s()+-]+$/.test(text);
  const needle = looksLikePhone ? phoneDigits(text) : lower(text);
  if (needle === '') return null;
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
