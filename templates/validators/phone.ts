import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';

/** Characters a typed phone number may contain: digits, '+', spaces, brackets, dots, dashes (no letters, no extensions). */
const PHONE_INPUT = /^[0-9+\s().-]{1,32}$/;

/** Ukrainian mobile number (+380, 2-digit operator code, 7 digits) in E.164 form, e.g. '+380671234567'; null if not a valid UA mobile. */
export function normalizeUaMobile(value: string): string | null {
  if (!PHONE_INPUT.test(value)) return null;
  // The 'mobile' metadata knows only mobile types: isValid() is false for landlines, VoIP, toll-free etc.
  const phone = parsePhoneNumberFromString(value, 'UA');
  if (!phone || phone.country !== 'UA' || phone.ext || !phone.isValid() || phone.getType() !== 'MOBILE') return null;
  return phone.number;
}
