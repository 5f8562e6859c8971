import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as validators from '@/templates/validators';
import {
  isValidEdrpou,
  isValidForeignPassport,
  isValidIdCardNumber,
  isValidPassportBooklet,
  isValidRnokpp,
  isValidUaIban,
  isValidUnzr,
  normalizeIban,
  normalizePassportBooklet,
  normalizeUaMobile,
  rnokppBirthDate,
  rnokppSex,
  unzrBirthDate,
  unzrCheckDigit,
} from '@/templates/validators';

// ---------------------------------------------------------------------------------------------
// Independent reference arithmetic. Written here from the published schemes, deliberately not
// imported from the modules under test (which delegate to stdnum / ibantools / their own code).
// ---------------------------------------------------------------------------------------------

const digitValues = (s: string): number[] => [...s].map(Number);
const mod = (a: number, m: number): number => ((a % m) + m) % m;
const replaceAt = (s: string, index: number, char: string): string => s.slice(0, index) + char + s.slice(index + 1);

/** RNOKPP: weights -1,5,7,9,4,6,10,5,7 over the first 9 digits; this is the sum mod 11 (0..10). */
function rnokppResidue(first9: string): number {
  const weights = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
  return mod(
    digitValues(first9).reduce((sum, d, i) => sum + d * (weights[i] ?? 0), 0),
    11,
  );
}
/** RNOKPP check digit: (sum mod 11) mod 10, so residues 0 and 10 both give check digit 0. */
const rnokppCheck = (first9: string): number => rnokppResidue(first9) % 10;

/** EDRPOU: weights 1..7 (7,1,2,..,6 for codes 30000000–59999999); if sum mod 11 is 10, redo with weights + 2; then mod 10. */
function edrpouCheck(first7: string): number {
  const d = digitValues(first7);
  const base = (d[0] ?? 0) >= 3 && (d[0] ?? 0) <= 5 ? [7, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5, 6, 7];
  const weighted = (weights: number[]): number => d.reduce((sum, x, i) => sum + x * (weights[i] ?? 0), 0) % 11;
  let residue = weighted(base);
  if (residue === 10) residue = weighted(base.map((w) => w + 2));
  return residue % 10;
}

/** IBAN check digits (ISO 13616 / ISO 7064 mod 97-10): 98 - (BBAN + country + '00', letters as 10..35) mod 97. */
function ibanCheckDigits(country: string, bban: string): string {
  const numeric = [...`${bban}${country}00`].map((c) => parseInt(c, 36).toString()).join('');
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0');
}

/** UNZR check digit: the 12 digits times 7,3,1,7,3,1,..., summed, mod 10. */
function unzrCheck(first12: string): number {
  let sum = 0;
  digitValues(first12).forEach((d, i) => {
    sum += d * (i % 3 === 0 ? 7 : i % 3 === 1 ? 3 : 1);
  });
  return sum % 10;
}

// ---------------------------------------------------------------------------------------------
// Generators that BUILD valid values.
// ---------------------------------------------------------------------------------------------

const DIGITS = '0123456789';
const ALNUM = `${DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
const digitsArb = (length: number) => fc.string({ unit: fc.constantFrom(...DIGITS), minLength: length, maxLength: length });
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
const dateArb = (from: string, to: string) =>
  fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map((d) => new Date(`${isoDay(d)}T00:00:00Z`));

const validRnokpp = digitsArb(9).map((front) => `${front}${rnokppCheck(front)}`);
const validEdrpou = digitsArb(7).map((front) => `${front}${edrpouCheck(front)}`);
/** UA IBAN: 6-digit bank code (MFO) + 19-character account (ibantools' UA spec allows A–Z in the account). */
const validUaIban = fc
  .tuple(digitsArb(6), digitsArb(19))
  .map(([bank, account]) => `UA${ibanCheckDigits('UA', bank + account)}${bank}${account}`);
/** UNZR without the dash: YYYYMMDD + 4-digit serial + check digit. */
const validUnzrCompact = fc
  .tuple(dateArb('1900-01-01', '2030-12-31'), digitsArb(4))
  .map(([date, serial]) => {
    const first12 = isoDay(date).replaceAll('-', '') + serial;
    return `${first12}${unzrCheck(first12)}`;
  });
const withUnzrDash = (compact: string): string => `${compact.slice(0, 8)}-${compact.slice(8)}`;

/** A different digit at a position: `(d + shift) mod 10`, shift 1..9. */
const otherDigit = (digit: string, shift: number): string => String((Number(digit) + shift) % 10);

// ---------------------------------------------------------------------------------------------

describe('generated valid identifiers pass', () => {
  it('RNOKPP', () => fc.assert(fc.property(validRnokpp, (code) => isValidRnokpp(code))));
  it('EDRPOU', () => fc.assert(fc.property(validEdrpou, (code) => isValidEdrpou(code))));
  it('UA IBAN, compact and in printed 4-character groups, any case', () =>
    fc.assert(
      fc.property(validUaIban, (iban) => {
        expect(isValidUaIban(iban)).toBe(true);
        const printed = iban.replace(/(.{4})/g, '$1 ').trim();
        expect(isValidUaIban(printed)).toBe(true);
        expect(isValidUaIban(printed.toLowerCase())).toBe(true);
        expect(normalizeIban(` ${printed.toLowerCase()} `)).toBe(iban);
      }),
    ));
  it('UNZR, with and without the dash, and its birth date', () =>
    fc.assert(
      fc.property(validUnzrCompact, (compact) => {
        expect(isValidUnzr(compact)).toBe(true);
        expect(isValidUnzr(withUnzrDash(compact))).toBe(true);
        const iso = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
        expect(unzrBirthDate(compact)).toBe(iso);
        expect(unzrBirthDate(withUnzrDash(compact))).toBe(iso);
        expect(unzrCheckDigit(compact.slice(0, 12))).toBe(Number(compact.slice(12)));
      }),
    ));
});

describe('a changed check digit always fails', () => {
  const shift = fc.integer({ min: 1, max: 9 });
  it('RNOKPP', () => fc.assert(fc.property(validRnokpp, shift, (code, s) => !isValidRnokpp(replaceAt(code, 9, otherDigit(code.charAt(9), s))))));
  it('EDRPOU', () => fc.assert(fc.property(validEdrpou, shift, (code, s) => !isValidEdrpou(replaceAt(code, 7, otherDigit(code.charAt(7), s))))));
  it('UA IBAN (the two check digits replaced by any other pair)', () =>
    fc.assert(
      fc.property(validUaIban, fc.integer({ min: 0, max: 99 }), (iban, n) => {
        const check = String(n).padStart(2, '0');
        fc.pre(check !== iban.slice(2, 4));
        return !isValidUaIban(`UA${check}${iban.slice(4)}`);
      }),
    ));
  it('UNZR', () =>
    fc.assert(
      fc.property(validUnzrCompact, shift, (compact, s) => {
        const changed = replaceAt(compact, 12, otherDigit(compact.charAt(12), s));
        return !isValidUnzr(changed) && !isValidUnzr(withUnzrDash(changed));
      }),
    ));
});

describe('any single changed digit fails (IBAN and UNZR detect every digit-for-digit substitution)', () => {
  it('UA IBAN: any digit at any position after "UA" replaced by another digit (letters by another letter)', () =>
    fc.assert(
      fc.property(validUaIban, fc.integer({ min: 2, max: 28 }), fc.constantFrom(...ALNUM), (iban, index, char) => {
        const original = iban.charAt(index);
        fc.pre(char !== original && DIGITS.includes(char) === DIGITS.includes(original));
        return !isValidUaIban(replaceAt(iban, index, char));
      }),
    ));
  it('UA IBAN: letters in the account are refused, closing mod-97’s letter blind spot', () => {
    // Mod 97 reads a letter as two digits (A = 10 … Z = 35), so a digit→letter typo shifts the number instead of
    // changing one place value and passes the checksum about 1 time in 100. Ukrainian account numbers are digits
    // only, so the validator refuses letters there: these two pass mod 97 but are not accepted.
    expect(isValidUaIban('UA213223130000026007233566001')).toBe(true);
    for (const iban of ['UA2132231300A0026007233566001', 'UA213223130000026007233566H01']) expect(isValidUaIban(iban), iban).toBe(false);
  });
  it('UA IBAN: the same account under a different country code is not a Ukrainian IBAN', () =>
    fc.assert(fc.property(validUaIban, (iban) => !isValidUaIban(`PL${iban.slice(2)}`) && !isValidUaIban(iban.slice(1)))));
  it('UNZR: any of the 13 digits changed (weights 7, 3, 1 are coprime to 10)', () =>
    fc.assert(
      fc.property(validUnzrCompact, fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 9 }), (compact, index, s) => {
        const changed = replaceAt(compact, index, otherDigit(compact.charAt(index), s));
        return !isValidUnzr(changed) && !isValidUnzr(withUnzrDash(changed));
      }),
    ));
});

/*
 * Blind spots of the RNOKPP and EDRPOU check digits (computed, not guessed).
 *
 * Both schemes take a weighted sum mod 11 and then mod 10. Mod 11 alone would catch every single-digit
 * substitution (all weights are non-zero mod 11), but folding 11 residues onto 10 digits does not:
 *
 * RNOKPP: residues 0 and 10 both give check digit 0, so a substitution that moves the residue between
 *   0 and 10 is missed. Every one of the 9 non-check positions has such substitutions; counted exactly over
 *   all 10^9 prefixes, 1 in 55 (1.818 %) of single-digit substitutions at each position goes undetected.
 *   Examples: 3200100000 and 3200100030 are both valid: a typo in the 9th (sex) digit turns a woman into
 *   a man; 3200100000 and 3200900000 are both valid: birth date 1987-08-13 becomes 1987-08-21.
 *
 * EDRPOU: residue 10 triggers a second sum with weights + 2, whose result mod 10 can coincide with
 *   another code's first-pass residue. Exhaustively over all 10^7 prefixes: 1.818 % of single-digit
 *   substitutions are missed at positions 2–7, and 5.60 % at position 1, where changing the first digit
 *   across 2|3 or 5|6 also switches the weight set. Examples: 32855961 (a known valid code) and 32855921
 *   (7th digit); 34000003 and 34060003 (4th digit); 34000003 and 64000003 (1st digit).
 */
describe('RNOKPP / EDRPOU: single-digit blind spots are stated, not hidden', () => {
  it('RNOKPP: concrete valid pairs that differ in one non-check digit', () => {
    for (const [a, b] of [
      ['3200100000', '3200100030'],
      ['3200100000', '3200900000'],
    ] as const) {
      expect(isValidRnokpp(a)).toBe(true);
      expect(isValidRnokpp(b)).toBe(true);
    }
    expect(rnokppSex('3200100000')).toBe('female');
    expect(rnokppSex('3200100030')).toBe('male');
    expect(rnokppBirthDate('3200100000')).toBe('1987-08-13');
    expect(rnokppBirthDate('3200900000')).toBe('1987-08-21');
  });

  it('EDRPOU: concrete valid pairs that differ in one non-check digit', () => {
    for (const [a, b] of [
      ['32855961', '32855921'],
      ['34000003', '34060003'],
      ['34000003', '64000003'],
    ] as const) {
      expect(isValidEdrpou(a)).toBe(true);
      expect(isValidEdrpou(b)).toBe(true);
    }
  });

  /** Searches deterministically for a valid code whose one-digit neighbour at `index` is also valid. */
  function findBlindSpot(length: number, check: (front: string) => number, index: number): [string, string] | null {
    for (let n = 0; n < 200_000; n++) {
      const front = String(n * 7919).padStart(length, '0').slice(-length);
      const code = `${front}${check(front)}`;
      for (let v = 0; v <= 9; v++) {
        const neighbour = replaceAt(front, index, String(v));
        if (neighbour !== front && check(neighbour) === check(front)) return [code, `${neighbour}${check(neighbour)}`];
      }
    }
    return null;
  }

  it('RNOKPP: every one of the 9 non-check positions has an undetected single-digit change', () => {
    for (let index = 0; index < 9; index++) {
      const pair = findBlindSpot(9, rnokppCheck, index);
      expect(pair, `position ${index + 1}`).not.toBeNull();
      if (pair) for (const code of pair) expect(isValidRnokpp(code)).toBe(true);
    }
  });

  it('EDRPOU: every one of the 7 non-check positions has an undetected single-digit change', () => {
    for (let index = 0; index < 7; index++) {
      const pair = findBlindSpot(7, edrpouCheck, index);
      expect(pair, `position ${index + 1}`).not.toBeNull();
      if (pair) for (const code of pair) expect(isValidEdrpou(code)).toBe(true);
    }
  });

  it('RNOKPP: a single-digit change is missed exactly when the residue moves between 0 and 10', () =>
    fc.assert(
      fc.property(validRnokpp, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (code, index, s) => {
        const changed = replaceAt(code, index, otherDigit(code.charAt(index), s));
        const residues = [rnokppResidue(code.slice(0, 9)), rnokppResidue(changed.slice(0, 9))].sort((a, b) => a - b);
        expect(isValidRnokpp(changed)).toBe(residues[0] === 0 && residues[1] === 10);
      }),
    ));

  it('EDRPOU: a single-digit change is missed exactly when the reference scheme says so', () =>
    fc.assert(
      fc.property(validEdrpou, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 }), (code, index, s) => {
        const changed = replaceAt(code, index, otherDigit(code.charAt(index), s));
        expect(isValidEdrpou(changed)).toBe(edrpouCheck(changed.slice(0, 7)) === Number(code.charAt(7)));
      }),
    ));
});

describe('RNOKPP birth date and sex', () => {
  const DAY_MS = 86_400_000;

  it('a date between 1900 and 2010 encodes to its day count (1900-01-01 = 1) and decodes back', () =>
    fc.assert(
      fc.property(dateArb('1900-01-01', '2010-12-31'), digitsArb(4), (date, serial) => {
        const dayCount = (date.getTime() - Date.UTC(1900, 0, 1)) / DAY_MS + 1;
        const front = `${String(dayCount).padStart(5, '0')}${serial}`;
        const code = `${front}${rnokppCheck(front)}`;
        expect(rnokppBirthDate(code)).toBe(isoDay(date));
        expect(rnokppSex(code)).toBe(Number(serial.charAt(3)) % 2 === 1 ? 'male' : 'female');
      }),
    ));

  it('known examples', () => {
    expect(rnokppBirthDate('0000100004')).toBe('1900-01-01');
    expect(rnokppBirthDate('1759013776')).toBe('1948-02-28'); // stdnum's own test value
    expect(rnokppSex('1759013776')).toBe('male');
    expect(rnokppBirthDate('0000000000')).toBeNull(); // checksum-valid, but day 0 is no date
    expect(rnokppBirthDate('1759013770')).toBeNull(); // bad check digit
    expect(rnokppSex('1759013770')).toBeNull();
    expect(isValidRnokpp(' 1759013776')).toBe(false);
    expect(isValidRnokpp('１７５９０１３７７６')).toBe(false); // full-width digits
  });
});

describe('normalizeUaMobile', () => {
  it('accepts the usual ways of typing a Ukrainian mobile number', () => {
    for (const typed of ['+380 67 123 45 67', '067-123-45-67', '380671234567', '(067) 123 45 67', '+38 (067) 123-45-67', '0671234567']) {
      expect(normalizeUaMobile(typed), typed).toBe('+380671234567');
    }
  });

  it('generated mobiles in any of the formats normalise to E.164', () =>
    fc.assert(
      fc.property(
        fc.constantFrom('39', '50', '63', '66', '67', '68', '73', '91', '92', '93', '94', '95', '96', '97', '98', '99'),
        digitsArb(7),
        fc.integer({ min: 0, max: 3 }),
        (operator, rest, format) => {
          const [a, b, c] = [rest.slice(0, 3), rest.slice(3, 5), rest.slice(5)];
          const typed = [`+380 ${operator} ${a} ${b} ${c}`, `0${operator}-${a}-${b}-${c}`, `380${operator}${rest}`, `(0${operator}) ${a} ${b} ${c}`][format] ?? '';
          expect(normalizeUaMobile(typed)).toBe(`+380${operator}${rest}`);
        },
      ),
    ));

  it('landlines, short numbers, foreign numbers, extensions and text are rejected', () => {
    for (const typed of [
      '+380 44 123 45 67', // Kyiv landline
      '044 123 45 67',
      '+380 32 123 45 67', // Lviv landline
      '+380 89 123 45 67', // VoIP
      '0 800 123 456', // toll-free
      '+38067123456', // one digit short
      '067 123 45',
      '+380 67 123 45 678', // one digit long
      '+48 601 234 567', // Polish mobile
      '+1 202 555 0123',
      '+380 67 123 45 67 ext. 5',
      'call 067 123 45 67',
      '',
    ]) {
      expect(normalizeUaMobile(typed), typed).toBeNull();
    }
  });

  it('generated Kyiv landlines are never accepted as mobiles', () =>
    fc.assert(fc.property(digitsArb(7), (rest) => normalizeUaMobile(`+380 44 ${rest}`) === null)));
});

describe('passport booklet, ID card, foreign passport', () => {
  const UKRAINIAN = 'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ';

  it('known examples', () => {
    expect(normalizePassportBooklet('кв 123456')).toBe('КВ123456');
    expect(isValidPassportBooklet(normalizePassportBooklet('кв 123456'))).toBe(true);
    expect(isValidPassportBooklet('кв 123456')).toBe(false); // the validator is strict: normalise first

    const latin = 'KB123456';
    expect(normalizePassportBooklet(latin)).toBe('\u041a\u0412123456'); // Cyrillic К, В
    expect(isValidPassportBooklet(normalizePassportBooklet(latin))).toBe(true);
    expect(isValidPassportBooklet(latin)).toBe(false);
    expect(normalizePassportBooklet(' ax 000001 ')).toBe('\u0410\u0425000001');

    for (const bad of ['ЪЫ123456', 'ЭЁ123456', 'КВ12345', 'КВ1234567', 'К123456', 'FA123456', '']) {
      expect(isValidPassportBooklet(normalizePassportBooklet(bad)), bad).toBe(false);
    }

    expect(isValidIdCardNumber('001234567')).toBe(true);
    for (const bad of ['12345678', '1234567890', '12345678a', ' 123456789', '１２３４５６７８９']) expect(isValidIdCardNumber(bad), bad).toBe(false);

    expect(isValidForeignPassport('FA123456')).toBe(true);
    for (const bad of ['fa123456', 'ФА123456', 'FA12345', 'FA1234567', 'F1234567', 'FA 123456']) expect(isValidForeignPassport(bad), bad).toBe(false);
  });

  it('any two Ukrainian capitals + 6 digits pass; lowercase with stray spaces normalises and passes', () =>
    fc.assert(
      fc.property(fc.constantFrom(...UKRAINIAN), fc.constantFrom(...UKRAINIAN), digitsArb(6), (a, b, number) => {
        expect(isValidPassportBooklet(`${a}${b}${number}`)).toBe(true);
        const typed = ` ${a.toLowerCase()} ${b.toLowerCase()}${number.slice(0, 3)} ${number.slice(3)} `;
        expect(normalizePassportBooklet(typed)).toBe(`${a}${b}${number}`);
      }),
    ));

  it('series typed with Latin look-alikes normalise to Cyrillic and pass', () =>
    fc.assert(
      fc.property(fc.constantFrom(...'ABEIKMHOPCTXabeikmhopctx'), fc.constantFrom(...'ABEIKMHOPCTX'), digitsArb(6), (a, b, number) => {
        const normalized = normalizePassportBooklet(`${a}${b}${number}`);
        expect(isValidPassportBooklet(normalized)).toBe(true);
        expect(/[A-Za-z]/.test(normalized)).toBe(false);
      }),
    ));

  it('ID cards are exactly 9 digits; foreign passports 2 Latin capitals + 6 digits', () =>
    fc.assert(
      fc.property(digitsArb(9), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), digitsArb(6), (id, a, b, n) => {
        expect(isValidIdCardNumber(id)).toBe(true);
        expect(isValidIdCardNumber(id.slice(1))).toBe(false);
        expect(isValidForeignPassport(`${a}${b}${n}`)).toBe(true);
        expect(isValidForeignPassport(`${a}${b}${n}`.toLowerCase())).toBe(false);
      }),
    ));
});

describe('UNZR', () => {
  it('known examples and calendar checks', () => {
    expect(unzrCheckDigit('199001010001')).toBe(8);
    expect(unzrCheckDigit('19900101-0001')).toBe(8);
    expect(isValidUnzr('19900101-00018')).toBe(true);
    expect(isValidUnzr('1990010100018')).toBe(true);
    expect(unzrBirthDate('19900101-00018')).toBe('1990-01-01');
    expect(isValidUnzr('19900101-00019')).toBe(false);
    expect(isValidUnzr('20000229-12345')).toBe(true); // 2000 is a leap year
    expect(isValidUnzr('19990229-12347')).toBe(false); // correct check digit, but no 29 Feb 1999
    expect(isValidUnzr(`19000229-1234${unzrCheck('190002291234')}`)).toBe(false); // 1900 is not a leap year
    expect(isValidUnzr(`19901301-0001${unzrCheck('199013010001')}`)).toBe(false); // month 13
    expect(isValidUnzr(`19900100-0001${unzrCheck('199001000001')}`)).toBe(false); // day 0
    expect(isValidUnzr('1990-01-01-00018')).toBe(false);
    expect(isValidUnzr('19900101--00018')).toBe(false);
    for (const bad of ['', '1990010', 'abcdefghijklm', '19900101-0001', '1990010100018\n', '19900101 00018']) {
      expect(isValidUnzr(bad), JSON.stringify(bad)).toBe(false);
      expect(unzrBirthDate(bad)).toBeNull();
    }
    for (const bad of ['', '19900101000', '1990010100018', '1990-0101-0001', 'abcdefghijkl']) expect(unzrCheckDigit(bad)).toBeNaN();
  });
});

describe('no function throws on any string', () => {
  // Every export takes one string; a non-function or differently shaped export fails to compile or the test below.
  const functions = Object.entries(validators).map(([name, fn]): [string, (value: string) => unknown] => [name, fn]);

  it('covers every export', () => {
    expect(functions.every(([, fn]) => typeof fn === 'function')).toBe(true);
    expect(functions.length).toBeGreaterThanOrEqual(14);
  });

  const callAll = (input: string): void => {
    for (const [name, fn] of functions) {
      let result: unknown;
      expect(() => {
        result = fn(input);
      }, name).not.toThrow();
      expect(['boolean', 'string', 'number', 'object'].includes(typeof result), name).toBe(true);
    }
  };
  const anyCodeUnit = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }); // incl. lone surrogates
  const nearValid = fc.string({ unit: fc.constantFrom(...'0123456789 -+()UAuaКВкв.\t\u00a0'), maxLength: 40 });

  it('fc.string()', () => fc.assert(fc.property(fc.string(), (s) => callAll(s))));
  it('full Unicode (fc.string({ unit: "binary" }), the v4 fullUnicodeString)', () => fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => callAll(s))));
  it('graphemes and arbitrary UTF-16 code units (lone surrogates)', () =>
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'grapheme' }), anyCodeUnit), (s) => callAll(s))));
  it('strings made of identifier-ish characters', () => fc.assert(fc.property(nearValid, (s) => callAll(s))));
  it('~100 KB strings', () => {
    const big = 100_000;
    for (const seed of ['1', '0671234567 ', 'UA21', 'кв', '\u{1F600}', '\uD800', ' ', '-', '+380', 'A1', '\u0301']) {
      callAll(seed.repeat(Math.ceil(big / seed.length)));
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), (s) => callAll(s.repeat(Math.ceil(big / s.length)))),
      { numRuns: 10 },
    );
  });
});
