export { isValidEdrpou } from './edrpou';
export { isValidRnokpp, rnokppBirthDate, rnokppSex } from './rnokpp';
export { formatIban, isValidUaIban, normalizeIban } from './iban';
export { normalizeUaMobile } from './phone';
export { isValidForeignPassport, isValidIdCardNumber, isValidPassportBooklet, normalizePassportBooklet } from './documents';
export { isValidUnzr, unzrBirthDate, unzrCheckDigit } from './unzr';
