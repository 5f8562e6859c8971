import { deflateSync } from 'node:zlib';
import type { FieldDef, TemplateDef } from '@/templates/define-template';
import { isValidRnokpp } from '@/templates/validators';
import type { DocumentInput } from './document-model';

/** A demo value of each field type, for sample PDFs and the PDF benchmark. */
function demoValue(field: FieldDef, date: string): unknown {
  switch (field.type) {
    case 'checkbox':
      return true;
    case 'select':
      return field.options?.[0]?.value ?? '';
    case 'tariff':
      return 'smart-plus';
    case 'date':
      return field.notBefore ? '2026-12-31' : date;
    case 'phone':
      return '+380671234567';
    case 'rnokpp':
      return sampleRnokpp();
    case 'edrpou':
      return '34000003';
    case 'iban':
      return 'UA213223130000026007233566001';
    case 'address':
      return 'м. Бар, Вінницька обл., вул. Соборна, 14, кв. 3';
    case 'email':
      return 'abonent@example.com';
    case 'textarea':
      return 'Абонент просить виконати заяву якнайшвидше; документи перевірено в точці продажу. '.repeat(3).trim();
    case 'list':
      return ['+380671112233', '+380502223344', '+380931234567'].map((msisdn) => Object.fromEntries((field.columns ?? []).map((c) => [c.key, c.type === 'phone' ? msisdn : demoValue(c, date)])));
    default:
      return field.type === 'text' && field.key.toLowerCase().includes('iccid') ? '8938001234567890123' : 'Зразок значення';
  }
}

function sampleRnokpp(): string {
  for (let d = 0; d <= 9; d += 1) if (isValidRnokpp(`311001234${d}`)) return `311001234${d}`;
  return '3110012340';
}

/** A signature-like scribble as a real PNG (RGBA, deflated), so samples carry a drawn signature. */
export function scribblePng(width = 360, height = 120, seed = 1): Uint8Array {
  const pixels = Buffer.alloc(width * height * 4);
  let x = 20;
  for (let t = 0; t < 900; t += 1) {
    x += 0.36;
    const y = height / 2 + Math.sin((t + seed * 40) / 22) * 30 + Math.sin(t / 7) * 10;
    for (let dx = -1; dx <= 1; dx += 1)
      for (let dy = -1; dy <= 1; dy += 1) {
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        const i = (py * width + px) * 4;
        pixels[i] = 20;
        pixels[i + 1] = 40;
        pixels[i + 2] = 120;
        pixels[i + 3] = 255;
      }
  }
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let row = 0; row < height; row += 1) pixels.copy(raw, row * (width * 4 + 1) + 1, row * width * 4, (row + 1) * width * 4);
  return encodePng({ width, height, bitDepth: 8, colourType: 6, filteredRows: raw });
}

/** A PNG file around already filtered scanlines (each row prefixed by its filter byte). */
export function encodePng({ width, height, bitDepth, colourType, filteredRows }: { width: number; height: number; bitDepth: number; colourType: 2 | 6; filteredRows: Buffer }): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(bitDepth, 8);
  header.writeUInt8(colourType, 9);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(filteredRows)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A complete document of any template with demo data: every party identified and signed. */
export function sampleDocument(template: TemplateDef, options: { company: string; verifyUrl: string; developmentSeal: boolean; now?: Date }): DocumentInput {
  const now = options.now ?? new Date('2026-11-25T10:30:00Z');
  const date = '2026-11-25';
  const formData = Object.fromEntries(template.sections.map((s) => [s.key, Object.fromEntries(s.fields.map((f) => [f.key, demoValue(f, date)]))]));
  const people = ['Коваленко Марія Іванівна', 'Шевченко Петро Олегович', 'Бондар Ольга Василівна'];
  return {
    template,
    company: options.company,
    number: 'DD-2026-000123',
    applicationDate: date,
    verifyUrl: options.verifyUrl,
    developmentSeal: options.developmentSeal,
    formData,
    identifications: template.parties.map((party, index) => ({
      party: party.key,
      values: {
        fullName: people[index % people.length],
        birthDate: '1985-03-14',
        documentType: 'passport_booklet',
        documentNumber: 'КВ123456',
        issuer: 'Барським РВ УМВС України у Вінницькій області',
        issuedOn: '2001-04-20',
        rnokpp: sampleRnokpp(),
      },
      attestedByName: 'Оксана Мельник',
      attestedAt: now,
      pointOfSale: 'Магазин «Зв’язок» на Соборній, Бар',
    })),
    signatures: [
      ...template.parties.map((party, index) => ({ party: party.key, name: people[index % people.length] ?? '', signedAt: now, place: 'Бар, вул. Соборна, 14', png: scribblePng(360, 120, index + 1), typedName: null })),
      { party: 'dealer', name: 'Оксана Мельник', signedAt: now, place: 'Бар, вул. Соборна, 14', png: scribblePng(360, 120, 9), typedName: null },
    ],
    audit: ['application.create', 'application.identify', 'application.edit', 'application.fill', 'application.verify', 'application.sign'].map((action, i) => ({
      at: new Date(now.getTime() - (6 - i) * 60_000),
      actorRole: action === 'application.verify' ? 'operator' : 'dealer',
      action,
      hash: `${(i + 1).toString(16).repeat(64)}`.slice(0, 64),
    })),
  };
}
