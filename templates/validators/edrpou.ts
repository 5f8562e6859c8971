import { stdnum, type Validator } from 'stdnum';

function edrpouValidator(): Validator {
  const validator = stdnum.UA?.edrpou;
  if (!validator) throw new Error('stdnum no longer ships the UA EDRPOU validator');
  return validator;
}
const edrpou = edrpouValidator();

/** EDRPOU (код ЄДРПОУ): 8 digits with the mod-11 check digit; python-stdnum's port does the arithmetic. */
export function isValidEdrpou(value: string): boolean {
  return /^\d{8}$/.test(value) && edrpou.validate(value).isValid;
}
