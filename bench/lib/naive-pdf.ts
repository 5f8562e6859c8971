// The naive document pipeline, the baseline `npm run bench:pdf` compares the app's with: the
// straightforward use of the same libraries, with nothing kept between documents except the font
// files' bytes. Per document it parses and subsets both fonts (pdf-lib + fontkit), measures every
// word through the font, draws the QR module by module, embeds each signature PNG, adds the
// @signpdf placeholder, saves, and signs with @signpdf's P12Signer, which parses the P12 (and signs
// with node-forge's JavaScript RSA) on every call. It draws the same content as the app's
// renderer (server/signing/render-pdf.ts) from the same DocumentModel.
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { DocumentModel } from '../../server/signing/document-model';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const WIDTH = A4[0] - 2 * MARGIN;
const INK = rgb(0.1, 0.12, 0.16);
const GREY = rgb(0.42, 0.45, 0.5);

let fontFiles: { regular: Buffer; bold: Buffer } | undefined;
function fontBytes() {
  const dir = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
  fontFiles ??= { regular: fs.readFileSync(path.join(dir, 'DejaVuSans.ttf')), bold: fs.readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')) };
  return fontFiles;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (!line || font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines;
}

export interface NaiveSealInfo {
  reason: string;
  location: string;
  contact: string;
  signingTime: Date;
}

export async function naiveSealedPdf(model: DocumentModel, p12: Uint8Array, passphrase: string, info: NaiveSealInfo): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes().regular, { subset: true });
  const bold = await doc.embedFont(fontBytes().bold, { subset: true });
  doc.setTitle(`${model.number} — ${model.title}`);
  doc.setAuthor(model.company);

  let page: PDFPage = doc.addPage(A4);
  let y = A4[1] - MARGIN;
  const ensure = (height: number) => {
    if (y - height < MARGIN + 24) {
      page = doc.addPage(A4);
      y = A4[1] - MARGIN;
    }
  };
  const text = (value: string, size = 10, options: { bold?: boolean; x?: number; width?: number; color?: ReturnType<typeof rgb> } = {}) => {
    const f = options.bold ? bold : font;
    for (const line of wrap(value, f, size, options.width ?? WIDTH)) {
      ensure(size + 3);
      page.drawText(line, { x: options.x ?? MARGIN, y: y - size, size, font: f, color: options.color ?? INK });
      y -= size + 3;
    }
  };
  const heading = (title: string, english: string) => {
    ensure(40);
    y -= 8;
    text(`${title}  ${english}`, 12, { bold: true });
    page.drawLine({ start: { x: MARGIN, y }, end: { x: MARGIN + WIDTH, y }, thickness: 0.6, color: GREY });
    y -= 6;
  };
  const row = (label: string, labelEn: string, value: string) => {
    const top = y;
    text(label, 9, { width: 180, color: GREY });
    text(labelEn, 7, { width: 180, color: GREY });
    const after = y;
    y = top;
    text(value, 10, { x: MARGIN + 190, width: WIDTH - 190 });
    y = Math.min(y, after) - 4;
  };

  // The QR, one square per dark module.
  const qr = QRCode.create(model.verifyUrl, { errorCorrectionLevel: 'M' });
  const cell = 78 / qr.modules.size;
  for (let r = 0; r < qr.modules.size; r += 1)
    for (let c = 0; c < qr.modules.size; c += 1)
      if (qr.modules.get(r, c)) page.drawRectangle({ x: MARGIN + WIDTH - 78 + c * cell, y: A4[1] - MARGIN - (r + 1) * cell, width: cell, height: cell, color: INK });
  text(model.company, 10, { bold: true, color: GREY, width: WIDTH - 90 });
  text(model.title, 16, { bold: true, width: WIDTH - 90 });
  text(model.titleEn, 9, { color: GREY, width: WIDTH - 90 });
  text(`№ ${model.number} від ${model.date}`, 11, { bold: true, width: WIDTH - 90 });
  text(`Перевірка справжності / Verify: ${model.verifyUrl}`, 7, { color: GREY, width: WIDTH - 90 });
  if (model.developmentSeal) text('УВАГА: документ засвідчено тестовим (development) сертифікатом і не має юридичної сили. / Sealed with a development certificate.', 8, { bold: true, width: WIDTH - 90 });
  y = Math.min(y, A4[1] - MARGIN - 90);

  for (const section of model.sections) {
    heading(section.title, section.titleEn);
    for (const r of section.rows) row(r.label, r.labelEn, r.value);
    for (const table of section.tables) {
      text(`${table.label} / ${table.labelEn}`, 9, { color: GREY });
      text(['№', ...table.columns.map((c) => c.label)].join('   '), 8, { bold: true, color: GREY });
      table.rows.forEach((cells, i) => text([String(i + 1), ...cells].join('   '), 10));
    }
  }
  heading('Ідентифікація', 'Identification');
  for (const party of model.parties) {
    text(`${party.title} / ${party.titleEn}`, 10, { bold: true });
    for (const r of party.rows) row(r.label, r.labelEn, r.value);
    if (party.attestation) text(party.attestation, 8, { color: GREY });
  }
  heading('Підписи', 'Signatures');
  for (const signature of model.signatures) {
    ensure(90);
    text(`${signature.title}: ${signature.name}`, 10, { bold: true });
    if (signature.png) {
      const image = await doc.embedPng(signature.png);
      const scale = Math.min(200 / image.width, 60 / image.height, 1);
      page.drawImage(image, { x: MARGIN, y: y - image.height * scale, width: image.width * scale, height: image.height * scale });
      y -= image.height * scale + 4;
    } else if (signature.typedName) text(signature.typedName, 14);
    text(`${signature.at}, ${signature.place}`, 8, { color: GREY });
  }
  page = doc.addPage(A4);
  y = A4[1] - MARGIN;
  heading('Журнал дій', 'Audit trail');
  for (const event of model.audit) text(`${event.at}   ${event.actor}   ${event.action}   ${event.hash}`, 8);
  const pages = doc.getPages();
  pages.forEach((p, i) => p.drawText(`${model.number} · ${i + 1} / ${pages.length}`, { x: MARGIN, y: MARGIN - 20, size: 8, font, color: GREY }));

  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: info.reason,
    contactInfo: info.contact,
    name: 'seal',
    location: info.location,
    signingTime: info.signingTime,
    signatureLength: 8192,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  });
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new SignPdf().sign(unsigned, new P12Signer(Buffer.from(p12), { passphrase }), info.signingTime);
}
