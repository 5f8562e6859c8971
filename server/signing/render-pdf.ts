import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { DocumentModel, Row } from './document-model';
import { wrapText } from './pdf-text';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const WIDTH = A4[0] - 2 * MARGIN;
const LABEL_WIDTH = 190;
const INK = rgb(0.1, 0.12, 0.16);
const GREY = rgb(0.42, 0.45, 0.5);
const LINE = rgb(0.82, 0.84, 0.87);

let fontBytes: { regular: Buffer; bold: Buffer } | undefined;

/**
 * fontkit with parsed fonts kept between documents: parsing the 700 KB DejaVu files was most of
 * a document's rendering time. Subsetting reads the shared font and does not change it.
 */
const parsedFonts = new WeakMap<object, unknown>();
const cachingFontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    const key = (data as Buffer).buffer ?? data;
    let font = parsedFonts.get(key);
    if (!font) {
      font = fontkit.create(data as Buffer, postscriptName);
      parsedFonts.set(key, font);
    }
    return font;
  },
} as unknown as typeof fontkit;

/** DejaVu Sans covers every Ukrainian letter (і ї є ґ ’); read once, subset per document. */
function fonts() {
  if (!fontBytes) {
    const dir = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
    fontBytes = { regular: fs.readFileSync(path.join(dir, 'DejaVuSans.ttf')), bold: fs.readFileSync(path.join(dir, 'DejaVuSans-Bold.ttf')) };
  }
  return fontBytes;
}

/** A cursor that flows text down A4 pages and starts a new page when one is full. */
class Flow {
  page: PDFPage;
  y: number;
  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  ensure(height: number) {
    if (this.y - height < MARGIN + 24) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
  }

  text(text: string, options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; x?: number; width?: number; gap?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const x = options.x ?? MARGIN;
    for (const line of wrapText(text, font, size, options.width ?? WIDTH - (x - MARGIN))) {
      this.ensure(size + 3);
      this.page.drawText(line, { x, y: this.y - size, size, font, color: options.color ?? INK });
      this.y -= size + 3;
    }
    this.y -= options.gap ?? 0;
  }

  heading(title: string, english: string) {
    this.ensure(40);
    this.y -= 8;
    this.page.drawText(title, { x: MARGIN, y: this.y - 12, size: 12, font: this.bold, color: INK });
    const titleWidth = this.bold.widthOfTextAtSize(title, 12);
    this.page.drawText(english, { x: MARGIN + titleWidth + 8, y: this.y - 12, size: 8, font: this.font, color: GREY });
    this.y -= 17;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + WIDTH, y: this.y }, thickness: 0.6, color: LINE });
    this.y -= 6;
  }

  /** A label (with its English name under it) and a value that wraps beside it. */
  row(row: Row) {
    const valueLines = wrapText(row.value, this.font, 10, WIDTH - LABEL_WIDTH);
    const labelLines = wrapText(row.label, this.font, 9, LABEL_WIDTH - 10);
    const height = Math.max(valueLines.length * 13, labelLines.length * 12 + 10) + 4;
    this.ensure(Math.min(height, 200));
    let y = this.y;
    for (const line of labelLines) {
      this.page.drawText(line, { x: MARGIN, y: y - 9, size: 9, font: this.font, color: GREY });
      y -= 12;
    }
    this.page.drawText(row.labelEn, { x: MARGIN, y: y - 7, size: 7, font: this.font, color: GREY });
    let vy = this.y;
    for (const line of valueLines) {
      this.ensure(13);
      if (this.y !== vy && vy > this.y) vy = this.y;
      this.page.drawText(line, { x: MARGIN + LABEL_WIDTH, y: vy - 10, size: 10, font: this.font, color: INK });
      vy -= 13;
    }
    this.y = Math.min(y - 10, vy) - 4;
  }
}

function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / count;
  // One rectangle per horizontal run of dark modules, not per module: a fifth of the drawing.
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!qr.modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < count && qr.modules.get(row, col)) col += 1;
      page.drawRectangle({ x: x + start * cell, y: y + size - (row + 1) * cell, width: (col - start) * cell, height: cell, color: INK });
    }
  }
}

/** Lays the document model out on A4 pages with an embedded Unicode font subset; returns unsigned PDF bytes. */
export async function renderPdf(model: DocumentModel): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit);
  const { regular, bold } = fonts();
  const font = await doc.embedFont(regular, { subset: true });
  const boldFont = await doc.embedFont(bold, { subset: true });
  doc.setTitle(`${model.number} — ${model.title}`);
  doc.setAuthor(model.company);
  doc.setLanguage('uk-UA');
  doc.setProducer('Dealer Desk');
  doc.setCreator('Dealer Desk');

  const flow = new Flow(doc, font, boldFont);
  const first = flow.page;
  drawQr(first, model.verifyUrl, MARGIN + WIDTH - 78, A4[1] - MARGIN - 78, 78);
  flow.text(model.company, { size: 10, bold: true, color: GREY, width: WIDTH - 90 });
  flow.text(model.title, { size: 16, bold: true, width: WIDTH - 90 });
  flow.text(model.titleEn, { size: 9, color: GREY, width: WIDTH - 90 });
  flow.text(`№ ${model.number} від ${model.date}`, { size: 11, bold: true, width: WIDTH - 90, gap: 2 });
  flow.text(`Перевірка справжності / Verify: ${model.verifyUrl}`, { size: 7, color: GREY, width: WIDTH - 90 });
  if (model.developmentSeal) {
    flow.text('УВАГА: документ засвідчено тестовим (development) сертифікатом і не має юридичної сили. / Sealed with a development certificate.', { size: 8, bold: true, color: rgb(0.7, 0.1, 0.1), width: WIDTH - 90 });
  }
  flow.y = Math.min(flow.y, A4[1] - MARGIN - 90);

  for (const section of model.sections) {
    flow.heading(section.title, section.titleEn);
    for (const row of section.rows) flow.row(row);
    for (const table of section.tables) {
      flow.text(`${table.label} / ${table.labelEn}`, { size: 9, color: GREY });
      const columnWidth = WIDTH / Math.max(1, table.columns.length + 1);
      const drawHeader = () => {
        flow.ensure(16);
        flow.page.drawText('№', { x: MARGIN, y: flow.y - 9, size: 8, font: boldFont, color: GREY });
        table.columns.forEach((c, i) => flow.page.drawText(c.label, { x: MARGIN + columnWidth * (i + 1) - columnWidth * 0.7, y: flow.y - 9, size: 8, font: boldFont, color: GREY }));
        flow.y -= 14;
      };
      drawHeader();
      table.rows.forEach((cells, index) => {
        const before = flow.page;
        flow.ensure(14);
        if (flow.page !== before) drawHeader();
        flow.page.drawText(String(index + 1), { x: MARGIN, y: flow.y - 10, size: 10, font, color: INK });
        cells.forEach((cell, i) => flow.page.drawText(cell, { x: MARGIN + columnWidth * (i + 1) - columnWidth * 0.7, y: flow.y - 10, size: 10, font, color: INK }));
        flow.y -= 14;
      });
    }
  }

  flow.heading('Ідентифікація', 'Identification');
  for (const party of model.parties) {
    flow.text(`${party.title} / ${party.titleEn}`, { size: 10, bold: true, gap: 2 });
    for (const row of party.rows) flow.row(row);
    if (party.attestation) flow.text(party.attestation, { size: 8, color: GREY, gap: 6 });
  }

  flow.heading('Підписи', 'Signatures');
  for (const signature of model.signatures) {
    flow.ensure(90);
    flow.text(`${signature.title}: ${signature.name}`, { size: 10, bold: true });
    if (signature.png) {
      const image = await doc.embedPng(signature.png);
      const scale = Math.min(200 / image.width, 60 / image.height, 1);
      flow.ensure(image.height * scale + 4);
      flow.page.drawImage(image, { x: MARGIN, y: flow.y - image.height * scale, width: image.width * scale, height: image.height * scale });
      flow.y -= image.height * scale + 4;
    } else if (signature.typedName) {
      flow.text(signature.typedName, { size: 14, gap: 2 });
    }
    flow.text(`${signature.at}, ${signature.place}`, { size: 8, color: GREY, gap: 8 });
  }

  // The audit page: what happened to the application, with the chain hashes.
  flow.ensure(A4[1]);
  flow.heading('Журнал дій', 'Audit trail');
  for (const event of model.audit) {
    flow.ensure(12);
    flow.page.drawText(event.at, { x: MARGIN, y: flow.y - 8, size: 8, font, color: INK });
    flow.page.drawText(event.actor, { x: MARGIN + 95, y: flow.y - 8, size: 8, font, color: INK });
    flow.page.drawText(event.action, { x: MARGIN + 160, y: flow.y - 8, size: 8, font, color: INK });
    flow.page.drawText(event.hash, { x: MARGIN + 330, y: flow.y - 8, size: 8, font, color: GREY });
    flow.y -= 12;
  }

  const pages = doc.getPages();
  pages.forEach((page, index) => {
    page.drawText(`${model.number} · ${index + 1} / ${pages.length}`, { x: MARGIN, y: MARGIN - 20, size: 8, font, color: GREY });
  });
  return doc;
}
