import { stdnum, type Validator } from 'stdnum';

function rntrcValidator(): Validator {
  const validator = stdnum.UA?.rntrc;
  if (!validator) throw new Error('stdnum no longer ships the UA RNOKPP (rntrc) validator');
  return validator;
}
const rntrc = rntrcValidator();

const DAY_MS = 86_400_000;
/** Day 0 of the RNOKPP birth-date count: 00001 is 1900-01-01. */
const EPOCH_MS = Date.UTC(1899, 11, 31);

/** RNOKPP (РНОКПП, individual taxpayer number): 10 digits = 5-digit day count since 1899-12-31, 4-digit serial (9th digit odd = male), mod-11 check digit. */
export function isValidRnokpp(value: string): boolean {
  return /^[0-9]{10}$/.test(value) && rntrc.validate(value).isValid;
}

/** Birth date (ISO YYYY-MM-DD) encoded in the first five digits of a valid RNOKPP; null if the code is invalid or the day count is 0. */
export function rnokppBirthDate(value: string): string | null {
  if (!isValidRnokpp(value)) return null;
  const days = Number(value.slice(0, 5));
  if (days === 0) return null;
  return new Date(EPOCH_MS + days * DAY_MS).toISOString().slice(0, 10);
}

/** Sex encoded in the 9th digit of a valid RNOKPP (odd = male, even = female); null if the code is invalid. */
export function rnokppSex(value: string): 'male' | 'female' | null {
  if (!isValidRnokpp(value)) return null;
  return Number(value.charAt(8)) % 2 === 1 ? 'male' : 'female';
}
