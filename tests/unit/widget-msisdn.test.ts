import { describe, expect, it } from 'vitest';
import { DomainError } from '@/server/errors/domain-error';
import { maskedMsisdn, normaliseUaMobile, requireUaMobile } from '@/server/widget/msisdn';

describe('Ukrainian mobile numbers', () => {
  it.each([
    ['0671234567', '+380671234567'],
    ['067 123 45 67', '+380671234567'],
    ['067-123-45-67', '+380671234567'],
    ['380501234567', '+380501234567'],
    ['+380 (50) 123-45-67', '+380501234567'],
    [' +380991234567 ', '+380991234567'],
    ['0391234567', '+380391234567'],
    ['0731234567', '+380731234567'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseUaMobile(input)).toBe(expected);
  });

  it.each([
    ['+380441234567', 'Kyiv landline'],
    ['0321234567', 'Lviv landline'],
    ['+380901234567', 'code 90 is no mobile operator'],
    ['+48123456789', 'Poland'],
    ['+38067123456', 'a digit short'],
    ['+3806712345678', 'a digit long'],
    ['067123456a', 'a letter'],
    ['0067 123 45 67', 'an international prefix'],
    ['', 'nothing'],
  ])('%s is refused (%s)', (input) => {
    expect(normaliseUaMobile(input)).toBeNull();
  });

  it('the mobile operators’ codes are taken, landline and service codes are not (libphonenumber’s mobile metadata)', () => {
    for (const code of ['39', '50', '63', '66', '67', '68', '73', '91', '92', '93', '94', '95', '96', '97', '98', '99']) {
      expect(normaliseUaMobile(`0${code}1234567`), code).toBe(`+380${code}1234567`);
    }
    for (const code of ['31', '32', '44', '48', '56', '57', '62', '80', '89', '90']) expect(normaliseUaMobile(`0${code}1234567`), code).toBeNull();
  });

  it('the refusal is errors.notUkrainianMobile', () => {
    expect(() => requireUaMobile('+48123456789')).toThrow(DomainError);
    try {
      requireUaMobile('12');
    } catch (error) {
      expect(error).toMatchObject({ kind: 'invalid', messageKey: 'errors.notUkrainianMobile' });
    }
  });

  it('masks all but the operator code and the last two digits', () => {
    expect(maskedMsisdn('+380671234567')).toBe('+380 67 *** ** 67');
  });
});
