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
  /** Said under the section's title in the dealer's form. */
  help?: Text;
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
  /** Cannot be approved before the subscriber confirms through the link (or the guard's waiting period passed). */
  sensitive: boolean;
  /** The SIM-swap guard of a sensitive form (required when `sensitive`): see templates/confirmation-route.ts. */
  guard?: GuardDef;
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

/**
 * The SIM-swap guard of a sensitive form. The number the application is about always gets a
 * notice with "this was not me"; the confirmation goes to a contact the subscriber can reach:
 * the number itself while its SIM works, else the confirmation contact of `contactSection`
 * (another mobile number or an e-mail), else — when the subscriber has none — a waiting period
 * without dispute after which the back office may approve.
 */
export interface GuardDef {
  /** Form path of the number concerned, e.g. `number.msisdn`. */
  number: string;
  /** The number cannot receive SMS (its SIM is lost, stolen or broken) when this field (`section.field`) has one of these values. */
  unreachableWhen: { field: string; in: string[] };
  /** The section made by `confirmationContactSection()`. */
  contactSection: string;
  /** What was asked, for the notice SMS to the number: "заміна SIM вашого номера" (at most 28 characters, so the SMS stays within 2 segments). */
  noticeUk: string;
  /** What "approved" means for the subscriber (their page after the decision). */
  approvedMeans: Text;
}

/** The confirmation contact of a guarded form: another mobile number, an e-mail, or "none" (then a waiting period). */
export function confirmationContactSection(key: string, title: Text): SectionDef {
  return {
    key,
    title,
    help: t(
      'Якщо SIM-картка номера втрачена, викрадена чи не працює, абонент не отримає SMS на цей номер. На номер усе одно піде повідомлення з кнопкою «Це не я», а посилання для підтвердження — на інший номер або пошту абонента. Якщо іншого контакту немає, позначте це: заяву можна буде схвалити лише через період очікування, якщо за цей час ніхто не натисне «Це не я».',
      'If the SIM of the number is lost, stolen or broken, the subscriber cannot receive an SMS on it. The number still gets a notice with a "This was not me" button, and the confirmation link goes to another number or e-mail of the subscriber. If there is no other contact, tick it: the application can then be approved only after a waiting period in which nobody pressed "This was not me".',
    ),
    fields: [
      { key: 'contactPhone', type: 'phone', label: t('Інший мобільний номер абонента', 'Another mobile number of the subscriber'), help: t('Не той номер, якого стосується заява.', 'Not the number the application is about.') },
      { key: 'contactEmail', type: 'email', label: t('Електронна пошта абонента', 'E-mail of the subscriber') },
      { key: 'noContact', type: 'checkbox', label: t('Іншого номера чи пошти в абонента немає (підтвердження — через період очікування)', 'The subscriber has no other number or e-mail (confirmation by a waiting period)') },
    ],
  };
}

export function defineTemplate<const T extends TemplateDef>(template: T): T {
  if (template.sensitive !== Boolean(template.guard)) throw new Error(`${template.id}: a sensitive form declares its guard, and only a sensitive one`);
  if (template.guard) {
    const { guard } = template;
    const has = (path: string) => {
      const [section, field] = path.split('.');
      return template.sections.some((s) => s.key === section && s.fields.some((f) => f.key === field));
    };
    for (const path of [guard.number, guard.unreachableWhen.field, `${guard.contactSection}.contactPhone`, `${guard.contactSection}.contactEmail`, `${guard.contactSection}.noContact`]) {
      if (!has(path)) throw new Error(`${template.id}: guard path ${path} names no field`);
    }
  }
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
