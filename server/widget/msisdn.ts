import { invalid } from '@/server/errors/domain-error';
import { normalizeUaMobile } from '@/templates/validators/phone';

/**
 * '067 123 45 67', '380671234567', '+380 (67) 123-45-67' → '+380671234567'; null when it is not a
 * Ukrainian mobile number: the forms' own rule (templates/validators/phone.ts, libphonenumber's
 * mobile metadata), so the widget sends codes to exactly the numbers an application accepts. Only
 * these receive codes: an SMS to anything else is a foreign or premium route (SMS pumping).
 */
export const normaliseUaMobile = normalizeUaMobile;

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
