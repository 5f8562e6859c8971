import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createDealerInput, createPointOfSaleInput, createUserInput } from '@/server/admin/schemas';
import { returnInput } from '@/server/applications/return-application';
import { signInput } from '@/server/applications/sign-application';
import { rejectInput } from '@/server/backoffice/reject-application';
import { backOfficeReturnInput } from '@/server/backoffice/return-to-dealer';
import { rateChatInput, sendMessageInput, startChatInput, transferChatInput } from '@/server/chat/schemas';
import { contentDisposition, safeFileName } from '@/server/files/file-name';
import { companyInput } from '@/server/packages/company-details';
import { disputeInput } from '@/server/subscriber/dispute-by-link';
import { multiLine, singleLine } from '@/templates/validators/user-text';

const id = '0b9a2c52-6a52-4a8e-9d43-7c1f4f2a1e11';

describe('singleLine and multiLine', () => {
  it('refuse C0 and C1 control characters other than tab and line breaks', () => {
    for (const bad of ['\u0000', '\u0007', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009b']) {
      expect(singleLine().safeParse(`a${bad}b`).error?.issues.map((i) => i.message)).toEqual(['controlCharacters']);
      expect(multiLine().safeParse(`a${bad}b`).error?.issues.map((i) => i.message)).toEqual(['controlCharacters']);
    }
  });

  it('one line: tabs and line breaks become spaces; bidi controls and zero-width characters go; NFC; trimmed', () => {
    expect(singleLine().parse(' Київ\r\nвул.\tХрещатик\u2028 1 ')).toBe('Київ вул. Хрещатик  1');
    expect(singleLine().parse('\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl')).toBe('abcdefghijkl');
    expect(singleLine().parse('Ів\u200Bан\u200C\u200D\u2060\uFEFF\u00AD')).toBe('Іван');
    expect(singleLine().parse('Андріи\u0306')).toBe('Андрій');
  });

  it('several lines: CRLF and CR become LF, tabs stay, emoji joiners stay', () => {
    expect(multiLine().parse('a\r\nb\rc\u2029d\te\u202E 👨\u200D👩\u200D👧 ')).toBe('a\nb\nc\nd\te 👨\u200D👩\u200D👧');
  });

  it('chain like a string: length limits count the cleaned text', () => {
    expect(singleLine().min(2, 'short').safeParse('\u202Ea\u202C').error?.issues.map((i) => i.message)).toEqual(['short']);
    expect(singleLine().max(3).parse('ab\u200Bc')).toBe('abc');
  });
});

// Every input that takes free text: a NUL is refused where it is typed, a bidi override dropped.
const ENTRY_POINTS: [string, z.ZodType, (text: string) => unknown, (parsed: never) => unknown][] = [
  ['chat message', sendMessageInput, (text) => ({ chatId: id, clientId: id, text }), (p: { text: string }) => p.text],
  ['chat topic', startChatInput, (topic) => ({ topic }), (p: { topic: string }) => p.topic],
  ['transfer note', transferChatInput, (note) => ({ chatId: id, toOperatorId: id, note }), (p: { note: string }) => p.note],
  ['rating comment', rateChatInput, (comment) => ({ chatId: id, rating: 5, comment }), (p: { comment: string }) => p.comment],
  ['operator return note', returnInput, (note) => ({ applicationId: id, note }), (p: { note: string }) => p.note],
  ['operator remark', returnInput, (text) => ({ applicationId: id, remarks: { 'number.msisdn': text } }), (p: { remarks: Record<string, string> }) => p.remarks['number.msisdn']],
  ['reject comment', rejectInput, (comment) => ({ applicationId: id, version: 1, reason: 'other', comment }), (p: { comment: string }) => p.comment],
  ['back-office remark', backOfficeReturnInput, (text) => ({ applicationId: id, version: 1, remarks: { _general: text } }), (p: { remarks: Record<string, string> }) => p.remarks._general],
  ['back-office note', backOfficeReturnInput, (note) => ({ applicationId: id, version: 1, note }), (p: { note: string }) => p.note],
  ['dispute comment', disputeInput, (comment) => ({ token: 'x', comment }), (p: { comment: string }) => p.comment],
  ['representative', companyInput, (name) => ({ company: {}, authority: {}, representative: { name, position: 'директор' } }), (p: { representative: { name: string } }) => p.representative.name],
  ['representative position', companyInput, (position) => ({ company: {}, authority: {}, representative: { name: 'Петренко Іван', position } }), (p: { representative: { position: string } }) => p.representative.position],
  ['dealer name', createDealerInput, (name) => ({ name, edrpou: '32855961' }), (p: { name: string }) => p.name],
  ['point of sale', createPointOfSaleInput, (town) => ({ dealerId: id, name: 'ТЦ Глобус', town, address: 'вул. Хрещатик, 1' }), (p: { town: string }) => p.town],
  ['point of sale address', createPointOfSaleInput, (address) => ({ dealerId: id, name: 'ТЦ Глобус', town: 'Київ', address }), (p: { address: string }) => p.address],
  ['signer name', signInput, (name) => ({ applicationId: id, version: 1, signatures: [{ party: 'subscriber', name, image: 'x' }] }), (p: { signatures: { name: string }[] }) => p.signatures[0]?.name],
  ['typed signature', signInput, (typedName) => ({ applicationId: id, version: 1, signatures: [{ party: 'subscriber', name: 'Петренко Іван', typedName }] }), (p: { signatures: { typedName: string }[] }) => p.signatures[0]?.typedName],
  ['user name', createUserInput, (name) => ({ name, email: 'a@b.ua', password: 'long enough password', role: 'operator' }), (p: { name: string }) => p.name],
];

describe.each(ENTRY_POINTS)('%s', (_, schema, input, pick) => {
  it('refuses a NUL byte and drops a right-to-left override', () => {
    const refused = schema.safeParse(input('Текст\u0000 тут'));
    expect(refused.error?.issues.map((i) => i.message)).toEqual(['controlCharacters']);
    expect(pick(schema.parse(input('Текст\u202E тут')) as never)).toBe('Текст тут');
  });
});

describe('file names', () => {
  it('drop bidi controls, control and zero-width characters; path separators become _', () => {
    expect(safeFileName('photo\u202Egpj.exe')).toBe('photogpj.exe');
    expect(safeFileName('a\u0000b\u001f\u0085c\u200B\u2066d\uFEFF.png')).toBe('abcd.png');
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('C:\\Users\\x\\"скан" <1>|?*.pdf')).toBe('C__Users_x__скан_ _1____.pdf');
    expect(safeFileName('Андріи\u0306.jpg')).toBe('Андрій.jpg');
  });

  it('trimmed of spaces and dots, capped (keeping the extension), a default when nothing is left', () => {
    expect(safeFileName('  .hidden.png. ')).toBe('hidden.png');
    expect(safeFileName('\u202E\u0000 ')).toBe('file');
    expect(safeFileName('', 'scan')).toBe('scan');
    const long = safeFileName(`${'я'.repeat(300)}.jpeg`);
    expect(long).toBe(`${'я'.repeat(115)}.jpeg`);
    expect([...safeFileName('😀'.repeat(200))]).toHaveLength(120);
  });

  it('Content-Disposition: an ASCII fallback and RFC 5987 filename* for the rest; nothing to break out of the header', () => {
    expect(contentDisposition('inline', 'scan.pdf')).toBe(`inline; filename="scan.pdf"; filename*=UTF-8''scan.pdf`);
    expect(contentDisposition('attachment', 'паспорт (1).png')).toBe(`attachment; filename="_______ (1).png"; filename*=UTF-8''%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82%20%281%29.png`);
    const header = contentDisposition('attachment', 'a"; filename=evil.exe\r\nSet-Cookie: x=1\u202Egpj.png');
    expect(header).not.toMatch(/[\r\n\u202E]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(header).toBe(`attachment; filename="a_; filename=evil.exeSet-Cookie_ x=1gpj.png"; filename*=UTF-8''a_%3B%20filename%3Devil.exeSet-Cookie_%20x%3D1gpj.png`);
    expect(contentDisposition('attachment', "it's*.png")).toContain("filename*=UTF-8''it%27s_.png");
  });
});
