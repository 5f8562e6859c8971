import { z } from 'zod';
import type { DocumentType, PartyDef } from './define-template';
import { isIsoDate, isoDate } from './field-values';
import {
  isValidForeignPassport,
  isValidIdCardNumber,
  isValidPassportBooklet,
  isValidRnokpp,
  isValidUnzr,
  normalizePassportBooklet,
  rnokppBirthDate,
  unzrBirthDate,
} from './validators';
import { singleLine } from './validators/user-text';

export const ADULT_AGE = 18;

/** The dealer's attestation, shown above the checkbox and recorded with who, when and where. */
export const ATTESTATION_TEXT = {
  uk: 'Я, представник дилера, особисто перевірив(ла) оригінал документа, що посвідчує особу, переконався(лася), що фото відповідає особі, яка звернулася, і що документ дійсний. Мені відомо, що дилер несе відповідальність за ідентифікацію абонента.',
  en: 'I, the dealer’s representative, have checked the original identity document in person, made sure the photo matches the person in front of me and that the document is valid. I know that the dealer is responsible for identifying the subscriber.',
} as const;

const documentNumberValid: Record<DocumentType, (value: string) => boolean> = {
  passport_booklet: (v) => isValidPassportBooklet(normalizePassportBooklet(v)),
  id_card: isValidIdCardNumber,
  foreign_passport: isValidForeignPassport,
};

/** Years between two ISO dates, counting a birthday only once it has come. */
export function fullYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/**
 * One party's identification as the dealer enters it, with the cross-field rules: the document
 * number fits its type, it was issued after the birth date and not after today, it has not
 * expired on the application date, the holder is an adult, and the birth date encoded in the
 * RNOKPP and the UNZR matches the stated one.
 */
export function identificationSchema(party: PartyDef, context: { applicationDate: string }) {
  return z
    .object({
      fullName: singleLine().min(5, 'fullNameTooShort').max(200, 'tooLong'),
      birthDate: isoDate(),
      documentType: z.enum(party.documents as [DocumentType, ...DocumentType[]], 'documentTypeNotAccepted'),
      documentNumber: singleLine().max(20, 'tooLong'),
      issuer: singleLine().min(2, 'required').max(200, 'tooLong'),
      issuedOn: isoDate(),
      expiresOn: singleLine().optional(),
      unzr: singleLine().max(20, 'tooLong').optional(),
      rnokpp: singleLine().max(10, 'tooLong').optional(),
      /** A passport mark that the person refused an RNOKPP for religious reasons. */
      noRnokpp: z.boolean().default(false),
      address: singleLine().max(300, 'tooLong').optional(),
      scanIds: z.array(z.uuid('invalidId')).max(10, 'tooMany').default([]),
      attested: z.literal(true, 'attestationRequired'),
    })
    .superRefine((value, ctx) => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      const today = context.applicationDate;
      const docType = value.documentType;
      const number = docType === 'passport_booklet' ? normalizePassportBooklet(value.documentNumber) : value.documentNumber;
      if (!documentNumberValid[docType](number)) issue('documentNumber', `documentNumber_${docType}`);
      if (isIsoDate(value.birthDate)) {
        if (value.birthDate > today) issue('birthDate', 'dateNotAfterToday');
        else if (fullYears(value.birthDate, today) < ADULT_AGE) issue('birthDate', 'notAdult');
        if (isIsoDate(value.issuedOn) && value.issuedOn <= value.birthDate) issue('issuedOn', 'issuedBeforeBirth');
      }
      if (isIsoDate(value.issuedOn) && value.issuedOn > today) issue('issuedOn', 'dateNotAfterToday');
      const needsExpiry = docType !== 'passport_booklet';
      if (value.expiresOn) {
        if (!isIsoDate(value.expiresOn)) issue('expiresOn', 'dateInvalid');
        else if (value.expiresOn < today) issue('expiresOn', 'documentExpired');
      } else if (needsExpiry) issue('expiresOn', 'required');
      if (docType === 'id_card') {
        if (!value.unzr) issue('unzr', 'required');
        else if (!isValidUnzr(value.unzr)) issue('unzr', 'unzrInvalid');
        else if (unzrBirthDate(value.unzr) !== value.birthDate) issue('unzr', 'unzrBirthDateMismatch');
      }
      if (!value.noRnokpp) {
        if (!value.rnokpp) issue('rnokpp', 'required');
        else if (!isValidRnokpp(value.rnokpp)) issue('rnokpp', 'rnokppInvalid');
        else if (rnokppBirthDate(value.rnokpp) !== value.birthDate) issue('rnokpp', 'rnokppBirthDateMismatch');
      }
    })
    .transform((value) => ({
      ...value,
      documentNumber: value.documentType === 'passport_booklet' ? normalizePassportBooklet(value.documentNumber) : value.documentNumber,
      rnokpp: value.noRnokpp ? undefined : value.rnokpp,
      unzr: value.documentType === 'id_card' ? value.unzr : undefined,
    }));
}

export type IdentificationValues = z.output<ReturnType<typeof identificationSchema>>;
