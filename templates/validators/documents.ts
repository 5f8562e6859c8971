/** The 33 capital letters of the Ukrainian alphabet (no Ъ, Ы, Э, Ё). */
const UKRAINIAN_CAPITALS = 'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ';
const PASSPORT_BOOKLET = new RegExp(`^[${UKRAINIAN_CAPITALS}]{2}[0-9]{6}$`);

/** Latin capitals that look like Cyrillic ones and get typed in their place. */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  A: 'А', B: 'В', E: 'Е', I: 'І', K: 'К', M: 'М', H: 'Н', O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х',
};

/** Passport booklet series+number as typed → canonical form: NFC, uppercase, no whitespace, Latin look-alikes mapped to Cyrillic. */
export function normalizePassportBooklet(value: string): string {
  return value
    .normalize('NFC')
    .trim()
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/[ABEIKMHOPCTX]/g, (letter) => LATIN_LOOKALIKES[letter] ?? letter);
}

/** Passport booklet (паспорт-книжечка): 2 Ukrainian Cyrillic capitals + 6 digits, e.g. 'КВ123456'. Strict: normalise first. */
export function isValidPassportBooklet(value: string): boolean {
  return PASSPORT_BOOKLET.test(value);
}

/** ID-card passport (паспорт у формі картки) document number: exactly 9 digits. */
export function isValidIdCardNumber(value: string): boolean {
  return /^[0-9]{9}$/.test(value);
}

/** Foreign (international) passport (закордонний паспорт): 2 Latin capitals + 6 digits, e.g. 'FA123456'. */
export function isValidForeignPassport(value: string): boolean {
  return /^[A-Z]{2}[0-9]{6}$/.test(value);
}
