import { z } from 'zod';
import type { CompanyDetails } from '@/db/schema';
import { COMPANY_FORM } from '@/templates/legal-entity';
import { formSchema } from '@/templates/schema-from-template';
import { singleLine } from '@/templates/validators/user-text';

/** What the operator types once for a company: the form's own company and authority sections, and the representative. */
export const companyInput = z.object({
  company: z.record(z.string().max(60), z.unknown()),
  authority: z.record(z.string().max(60), z.unknown()),
  representative: z.object({
    name: singleLine().min(5, 'fullNameTooShort').max(200, 'tooLong'),
    position: singleLine().max(200, 'tooLong').default(''),
  }),
});
export type CompanyInput = z.input<typeof companyInput>;

// The company's sections are validated exactly as in the forms (EDRPOU checksum, IBAN, the power
// of attorney not expired on the day), by the schema derived from the same declarations (COMPANY_FORM).

/** Checks the details as of `today` (YYYY-MM-DD); errors name `company.company.edrpou`-style paths. */
export function parseCompanyDetails(input: CompanyInput, today: string): CompanyDetails {
  // Wrapped so that error paths read `company.<section>.<field>`, as the procedures' inputs name them.
  const parsed = z.object({ company: companyInput }).parse({ company: input }).company;
  const { company, authority } = z
    .object({ company: formSchema(COMPANY_FORM, { applicationDate: today }) })
    .parse({ company: { company: parsed.company, authority: parsed.authority } }).company as { company: Record<string, string>; authority: Record<string, string> };
  return {
    name: String(company.name),
    edrpou: String(company.edrpou),
    legalAddress: String(company.legalAddress),
    iban: String(company.iban),
    representativeName: parsed.representative.name,
    representativePosition: parsed.representative.position,
    poaNumber: String(authority.poaNumber),
    poaDate: String(authority.poaDate),
    poaValidUntil: String(authority.poaValidUntil),
  };
}

/** The details as the forms' sections hold them. */
export function companySections(details: CompanyDetails): Record<string, Record<string, unknown>> {
  return {
    company: { name: details.name, edrpou: details.edrpou, legalAddress: details.legalAddress, iban: details.iban },
    authority: { poaNumber: details.poaNumber, poaDate: details.poaDate, poaValidUntil: details.poaValidUntil },
  };
}

/** Declared beside the sections it checks (templates/), so the operator's editor can use it too. */
export { isLegalEntityForm } from '@/templates/legal-entity';
