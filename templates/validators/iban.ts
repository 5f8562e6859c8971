import { electronicFormatIBAN, isValidIBAN } from 'ibantools';

/** IBAN in electronic form: every space, whitespace and dash removed, uppercased (ibantools' electronic format). */
export function normalizeIban(value: string): string {
  return electronicFormatIBAN(value.replace(/\s+/g, '')) ?? '';
}

/** An IBAN as people read it, in groups of four: UA21 3223 1300 0002 6007 2335 6600 1. Anything else is left as it is. */
export function formatIban(value: string): string {
  const compact = value.replace(/[\s-]+/g, '').toUpperCase();
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$/.test(compact)) return value;
  return compact.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Ukrainian IBAN: "UA", 2 mod-97 check digits, 6-digit bank code (MFO), 19-digit account (Ukrainian account numbers are digits only; a letter would weaken mod-97, which counts it as two digits) — 29 characters.
 * Accepts the printed form too ("UA21 3223 ..."), since it normalises first; non-ASCII input is rejected.
 */
export function isValidUaIban(value: string): boolean {
  // ASCII only before uppercasing, so that e.g. 'ſ' or 'ı' cannot turn into 'S' or 'I'.
  if (!/^[0-9A-Za-z\s-]+$/.test(value)) return false;
  const iban = normalizeIban(value);
  return /^UA[0-9]{2}[0-9]{6}[0-9]{19}$/.test(iban) && isValidIBAN(iban);
}
