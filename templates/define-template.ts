/**
 * An application form declared as data. From one declaration come the server's zod schema
 * (schema-from-template.ts), the dealer's form (app/_components/application/template-form.tsx)
 * and, later, the PDF layout. Adding a form is adding one file in templates/forms/ and one line
 * in templates/index.ts (and its title in templates/titles.ts, for the pages that only name it).
 */
export interface Text {
  uk: string;
  en: string;
}

export type DocumentType = 'passport_booklet' | 'id_card' | 'foreign_passport';

export type FieldType =
  | 'text'
  | 'textarea'
  | 'date'
  | 'select'
  | 'checkbox'
  | 'phone'
  | 'rnokpp'
  | 'edrpou'
  | 'iban'
  | 'address'
  | 'tariff'
  | 'email'
  | 'list';

export interface Option {
  value: string;
  label: Text;
}

/** Show (and validate) a field only when another field of the same section has a value. */
export interface Condition {
  field: string;
  equals: string | boolean;
}

export interface FieldDef {
  key: string;
  type: FieldType;
  label: Text;
  help?: Text;
  required?: boolean;
  options?: Option[];
  showIf?: Condition;
  maxLength?: number;
  /** For `list`: the columns of each row, and how many rows. */
  columns?: FieldDef[];
  minRows?: number;
  maxRows?: number;
  /** For `date`: must not be in the past / future relative to the application date. */
  notBefore?: 'applicationDate';
  notAfter?: 'applicationDate';
}

export interface SectionDef {
  key: string;
  title: Text;
  fields: FieldDef[];
}

export type PartyKind = 'person' | 'representative';

export interface PartyDef {
  key: string;
  title: Text;
  kind: PartyKind;
  documents: DocumentType[];
}

export interface TemplateDef {
  id: string;
  version: number;
  title: Text;
  description: Text;
  /** Cannot be approved before the subscriber confirms through the link. */
  sensitive: boolean;
  /** Only the number's owner may ask (call details). */
  privacy?: boolean;
  parties: PartyDef[];
  sections: SectionDef[];
  /**
   * Where the subscriber's confirmation link goes: form paths (`section.field`, or
   * `section.list.0.field`), the first one filled wins. SMS to `phone`; also e-mail to `email`.
   */
  notify: { phone: string[]; email?: string[] };
}

export function defineTemplate<const T extends TemplateDef>(template: T): T {
  const keys = new Set<string>();
  for (const section of template.sections) {
    for (const field of section.fields) {
      const key = `${section.key}.${field.key}`;
      if (keys.has(key)) throw new Error(`${template.id}: duplicate field ${key}`);
      keys.add(key);
      if (field.showIf && !section.fields.some((f) => f.key === field.showIf?.field)) {
        throw new Error(`${template.id}: ${key} depends on a field that is not in its section`);
      }
      if ((field.type === 'select') !== Boolean(field.options?.length)) throw new Error(`${template.id}: ${key} options mismatch`);
    }
  }
  for (const notifyPath of [...template.notify.phone, ...(template.notify.email ?? [])]) {
    const [section, field, , column] = notifyPath.split('.');
    const def = template.sections.find((s) => s.key === section)?.fields.find((f) => f.key === field);
    if (!def || (column !== undefined && !def.columns?.some((c) => c.key === column))) throw new Error(`${template.id}: notify path ${notifyPath} names no field`);
  }
  return template;
}

export const t = (uk: string, en: string): Text => ({ uk, en });

/** Tariffs on offer (the configured list the `tariff` field chooses from). */
export const TARIFFS: Option[] = [
  { value: 'smart-start', label: t('Смарт Старт', 'Smart Start') },
  { value: 'smart-plus', label: t('Смарт Плюс', 'Smart Plus') },
  { value: 'bezlim', label: t('Безлім', 'Unlimited') },
  { value: 'business-5', label: t('Бізнес 5', 'Business 5') },
  { value: 'business-unlim', label: t('Бізнес Безлім', 'Business Unlimited') },
];

/** When a tariff change takes effect (the same choice in the person's and the company's forms). */
export const TARIFF_EFFECTIVE_FIELD: FieldDef = {
  key: 'effective',
  type: 'select',
  label: t('Коли змінити', 'When'),
  required: true,
  options: [
    { value: 'now', label: t('Одразу', 'At once') },
    { value: 'next-period', label: t('З наступного розрахункового періоду', 'From the next billing period') },
  ],
};

export const DOCUMENT_LABELS: Record<DocumentType, Text> = {
  passport_booklet: t('Паспорт громадянина України (книжечка)', 'Passport booklet'),
  id_card: t('ID-картка', 'ID card'),
  foreign_passport: t('Закордонний паспорт', 'Foreign passport'),
};

export const PERSON_DOCUMENTS: DocumentType[] = ['passport_booklet', 'id_card', 'foreign_passport'];
