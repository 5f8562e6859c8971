/** Weights for the UNZR check digit, repeating over the 12 digits. */
const WEIGHTS = [7, 3, 1] as const;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** ISO date for a YYYYMMDD string if it is a real Gregorian calendar date (years 0001–9999), else null. */
function calendarDate(yyyymmdd: string): string | null {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (year < 1 || monthDays === undefined || day < 1 || day > monthDays) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * UNZR check digit for the first 12 digits ('YYYYMMDDXXXX' or 'YYYYMMDD-XXXX'): digits × weights 7,3,1,7,3,1,…, sum mod 10.
 * Returns NaN (never throws) when the input is not 12 digits.
 */
export function unzrCheckDigit(first12: string): number {
  const digits = /^[0-9]{8}-[0-9]{4}$/.test(first12) ? first12.replace('-', '') : first12;
  if (!/^[0-9]{12}$/.test(digits)) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits.charAt(i)) * (WEIGHTS[i % 3] ?? 0);
  return sum % 10;
}

const UNZR = /^([0-9]{8})-?([0-9]{4})([0-9])$/;

/** UNZR (УНЗР, record number in the Unified State Demographic Register): 'YYYYMMDD-XXXXC' (dash optional) = birth date, 4-digit serial, check digit. */
export function isValidUnzr(value: string): boolean {
  return unzrBirthDate(value) !== null;
}

/** Birth date (ISO YYYY-MM-DD) of a valid UNZR; null if the value is not a valid UNZR. */
export function unzrBirthDate(value: string): string | null {
  const match = UNZR.exec(value);
  if (!match) return null;
  const [, date = '', serial = '', check = ''] = match;
  if (unzrCheckDigit(date + serial) !== Number(check)) return null;
  return calendarDate(date);
}
