import { PERSON_DOCUMENTS, t, type PartyDef, type SectionDef, type TemplateDef } from './define-template';

/**
 * What every legal entity's form shares: the company, the power of attorney, and the
 * representative who signs. The operator's package keeps these once (server/packages/) and
 * pre-fills them into each of its forms.
 */
export const COMPANY_SECTION = {
  key: 'company',
  title: t('Юридична особа', 'Legal entity'),
  fields: [
    { key: 'name', type: 'text', label: t('Повна назва', 'Full name'), required: true, maxLength: 300 },
    { key: 'edrpou', type: 'edrpou', label: t('Код ЄДРПОУ', 'EDRPOU code'), required: true },
    { key: 'legalAddress', type: 'address', label: t('Юридична адреса', 'Legal address'), required: true },
    { key: 'iban', type: 'iban', label: t('IBAN', 'IBAN'), required: true },
  ],
} as const satisfies SectionDef;

export const AUTHORITY_SECTION = {
  key: 'authority',
  title: t('Довіреність', 'Power of attorney'),
  fields: [
    { key: 'poaNumber', type: 'text', label: t('Номер довіреності', 'Number'), required: true, maxLength: 60 },
    { key: 'poaDate', type: 'date', label: t('Дата видачі', 'Issued on'), required: true, notAfter: 'applicationDate' },
    { key: 'poaValidUntil', type: 'date', label: t('Дійсна до', 'Valid until'), required: true, notBefore: 'applicationDate' },
  ],
} as const satisfies SectionDef;

export const REPRESENTATIVE_PARTY = {
  key: 'representative',
  title: t('Представник юридичної особи', 'Representative of the legal entity'),
  kind: 'representative',
  documents: PERSON_DOCUMENTS,
} as const satisfies PartyDef;

/**
 * The company's own sections as a form of their own: what the operator types once per package,
 * validated (EDRPOU checksum, IBAN, the power of attorney's dates) by the schema derived from it,
 * in the browser and on the server alike.
 */
export const COMPANY_FORM: TemplateDef = {
  id: 'company',
  version: 1,
  title: COMPANY_SECTION.title,
  description: t('Реквізити юридичної особи та довіреність', 'The legal entity and the power of attorney'),
  sensitive: false,
  parties: [],
  sections: [COMPANY_SECTION, AUTHORITY_SECTION],
  notify: { phone: [] },
};

/** A legal entity's form: it has the company and authority sections, and only a representative signs. */
export function isLegalEntityForm(template: TemplateDef): boolean {
  const keys = template.sections.map((s) => s.key);
  return keys.includes(COMPANY_SECTION.key) && keys.includes(AUTHORITY_SECTION.key) && template.parties.every((p) => p.kind === 'representative');
}

/** The company details a package carries (and a remembered company keeps), as stored: the database's shape. */
export type { CompanyDetails } from '../db/column-values';
