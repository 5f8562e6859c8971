import { DOCUMENT_LABELS, TARIFFS, type FieldDef, type TemplateDef } from '@/templates/define-template';
import { auditActionLabel, auditActorLabel } from '@/server/audit/audit-actions';
import { ATTESTATION_TEXT } from '@/templates/identification';
import { formatIban } from '@/templates/validators/iban';
import { isVisible } from '@/templates/schema-from-template';

/** What the signed PDF shows, built from the template's declaration: no per-form drawing code. */
export interface DocumentModel {
  company: string;
  title: string;
  titleEn: string;
  number: string;
  date: string;
  verifyUrl: string;
  developmentSeal: boolean;
  sections: { title: string; titleEn: string; rows: Row[]; tables: Table[] }[];
  parties: { title: string; titleEn: string; rows: Row[]; attestation: string }[];
  signatures: { title: string; name: string; at: string; place: string; png: Uint8Array | null; typedName: string | null }[];
  audit: { at: string; actor: string; action: string; hash: string }[];
}

export interface Row {
  label: string;
  labelEn: string;
  value: string;
}

export interface Table {
  label: string;
  labelEn: string;
  columns: { label: string; labelEn: string }[];
  rows: string[][];
}

export interface DocumentInput {
  template: TemplateDef;
  company: string;
  number: string;
  applicationDate: string;
  verifyUrl: string;
  developmentSeal: boolean;
  formData: Record<string, Record<string, unknown>>;
  identifications: { party: string; values: Record<string, unknown>; attestedByName: string; attestedAt: Date; pointOfSale: string | null }[];
  signatures: { party: string; name: string; signedAt: Date; place: string; png: Uint8Array | null; typedName: string | null }[];
  audit: { at: Date; actorRole: string | null; action: string; hash: string }[];
}

/** 2026-11-25 → 25.11.2026 */
export const ukDate = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : iso);

/** Date and time in Kyiv, as printed on the document. */
export const ukDateTime = (date: Date) =>
  new Intl.DateTimeFormat('uk-UA', { timeZone: 'Europe/Kyiv', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);

/** +380671234567 → +380 67 123 45 67 */
const phone = (value: string) => (/^\+380\d{9}$/.test(value) ? `${value.slice(0, 4)} ${value.slice(4, 6)} ${value.slice(6, 9)} ${value.slice(9, 11)} ${value.slice(11)}` : value);

export function formatValue(field: FieldDef, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  switch (field.type) {
    case 'checkbox':
      return value === true ? 'Так / Yes' : 'Ні / No';
    case 'select':
      return field.options?.find((o) => o.value === value)?.label.uk ?? String(value);
    case 'tariff':
      return TARIFFS.find((o) => o.value === value)?.label.uk ?? String(value);
    case 'date':
      return ukDate(String(value));
    case 'phone':
      return phone(String(value));
    case 'iban':
      return formatIban(String(value));
    default:
      return String(value);
  }
}

const IDENTIFICATION_LABELS: [key: string, uk: string, en: string][] = [
  ['fullName', 'Прізвище, ім’я, по батькові', 'Full name'],
  ['birthDate', 'Дата народження', 'Birth date'],
  ['document', 'Документ', 'Document'],
  ['issuer', 'Ким виданий', 'Issued by'],
  ['issuedOn', 'Дата видачі', 'Issued on'],
  ['expiresOn', 'Дійсний до', 'Valid until'],
  ['unzr', 'Запис № (УНЗР)', 'UNZR'],
  ['rnokpp', 'РНОКПП', 'RNOKPP'],
];

function identificationRows(values: Record<string, unknown>): Row[] {
  const documentType = values.documentType as keyof typeof DOCUMENT_LABELS;
  const text: Record<string, string | undefined> = {
    fullName: String(values.fullName ?? ''),
    birthDate: ukDate(String(values.birthDate ?? '')),
    document: `${DOCUMENT_LABELS[documentType]?.uk ?? String(documentType)} ${String(values.documentNumber ?? '')}`,
    issuer: String(values.issuer ?? ''),
    issuedOn: ukDate(String(values.issuedOn ?? '')),
    expiresOn: values.expiresOn ? ukDate(String(values.expiresOn)) : undefined,
    unzr: values.unzr ? String(values.unzr) : undefined,
    rnokpp: values.noRnokpp ? 'Відмова від РНОКПП (відмітка в паспорті)' : String(values.rnokpp ?? ''),
  };
  return IDENTIFICATION_LABELS.filter(([key]) => text[key] !== undefined).map(([key, label, labelEn]) => ({ label, labelEn, value: text[key] ?? '' }));
}

export function buildDocumentModel(input: DocumentInput): DocumentModel {
  const { template } = input;
  return {
    company: input.company,
    title: template.title.uk,
    titleEn: template.title.en,
    number: input.number,
    date: ukDate(input.applicationDate),
    verifyUrl: input.verifyUrl,
    developmentSeal: input.developmentSeal,
    sections: template.sections.map((section) => {
      const values = input.formData[section.key] ?? {};
      const visible = section.fields.filter((field) => isVisible(field, values));
      return {
        title: section.title.uk,
        titleEn: section.title.en,
        rows: visible.filter((f) => f.type !== 'list').map((field) => ({ label: field.label.uk, labelEn: field.label.en, value: formatValue(field, values[field.key]) })),
        tables: visible
          .filter((f) => f.type === 'list')
          .map((field) => ({
            label: field.label.uk,
            labelEn: field.label.en,
            columns: (field.columns ?? []).map((c) => ({ label: c.label.uk, labelEn: c.label.en })),
            rows: (Array.isArray(values[field.key]) ? (values[field.key] as Record<string, unknown>[]) : []).map((row) => (field.columns ?? []).map((c) => formatValue(c, row[c.key]))),
          })),
      };
    }),
    parties: template.parties.map((party) => {
      const found = input.identifications.find((i) => i.party === party.key);
      return {
        title: party.title.uk,
        titleEn: party.title.en,
        rows: found ? identificationRows(found.values) : [],
        attestation: found ? `${ATTESTATION_TEXT.uk} — ${found.attestedByName}, ${ukDateTime(found.attestedAt)}${found.pointOfSale ? `, ${found.pointOfSale}` : ''}` : '',
      };
    }),
    signatures: input.signatures.map((s) => {
      const party = template.parties.find((p) => p.key === s.party);
      return { title: party?.title.uk ?? 'Представник дилера', name: s.name, at: ukDateTime(s.signedAt), place: s.place, png: s.png, typedName: s.typedName };
    }),
    audit: input.audit.map((a) => ({ at: ukDateTime(a.at), actor: auditActorLabel(a.actorRole, 'uk'), action: auditActionLabel(a.action, 'uk'), hash: a.hash.slice(0, 16) })),
  };
}
