import { invalid } from '@/server/errors/domain-error';

/**
 * Ukrainian mobile operators' codes (after +380): Kyivstar 67, 68, 96, 97, 98; Vodafone 50, 66, 95,
 * 99; lifecell 63, 73, 93; 3Mob 91; PEOPLEnet 92; Intertelecom 94; and 39 (Kyivstar, formerly
 * Golden Telecom). Only these receive the widget's codes: an SMS to anything else is either
 * impossible or a premium/foreign route (SMS pumping).
 */
export const UA_MOBILE_CODES = ['39', '50', '63', '66', '67', '68', '73', '91', '92', '93', '94', '95', '96', '97', '98', '99'] as const;

/**
 * '067 123 45 67', '380671234567', '+380 (67) 123-45-67' → '+380671234567'; null when it is not a
 * Ukrainian mobile number. Spaces, dashes, dots and brackets are ignored; nothing else is.
 */
export function normaliseUaMobile(input: string): string | null {
  const compact = input.trim().replace(/[\s().-]/g, '');
  const match = /^(?:\+?380|0)(\d{9})$/.exec(compact);
  const national = match?.[1];
  if (!national) return null;
  if (!(UA_MOBILE_CODES as readonly string[]).includes(national.slice(0, 2))) return null;
  return `+380${national}`;
}

/** `normaliseUaMobile`, or the refusal `errors.notUkrainianMobile`. */
export function requireUaMobile(input: string): string {
  const msisdn = normaliseUaMobile(input);
  if (!msisdn) throw invalid('errors.notUkrainianMobile', 'Only a Ukrainian mobile number (+380XXXXXXXXX) can receive the code');
  return msisdn;
}

/** +380671234567 → '+380 67 *** ** 67' (for the operator's lists and logs, never the full number twice). */
export function maskedMsisdn(msisdn: string): string {
  return `${msisdn.slice(0, 4)} ${msisdn.slice(4, 6)} *** ** ${msisdn.slice(-2)}`;
}
