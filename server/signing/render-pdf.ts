import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import type { DocumentModel, Row } from './document-model';
import { keepCompressed, installNativeDeflate } from './native-deflate';
import { wrapText } from './pdf-text';
import { embedPng } from './png-image';

installNativeDeflate();

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const WIDTH = A4[0] - 2 * MARGIN;
const LABEL_WIDTH = 190;
const INK = rgb(0.1, 0.12, 0.16);
const GREY = rgb(0.42, 0.45, 0.5);
const LINE = rgb(0.82, 0.84, 0.87);

let fontBytes: { regular: Buffer; bold: Buffer } | undefined;

type FontSubset = { glyphs: number[]; encodeStream: () => NodeJS.EventEmitter };
type LayoutFont = { layout: (text: string, features?: unknown) => unknown; createSubset: () => FontSubset };
const LAYOUT_CACHE_LIMIT = 20_000;
const SUBSET_CACHE_LIMIT = 64;

/**
 * The letters every document starts its font subsets with, in this order (see renderPdf): with
 * them a document's subset is nearly always the same list of glyphs as the last one's, and its
 * encoded font program is taken from rememberSubsets' cache instead of being built again.
 */
const BASE_CHARACTERS =
  ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~' +
  'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюя' +
  '«»’ʼ—–№·…';

/**
 * A font's subsets remembered by their glyph list: building (subsetting) the font program of the
 * same glyphs in the same order again gives the same bytes. pdf-lib reads a subset's program
 * through encodeStream() once, at save, with its glyph list complete.
 */
function rememberSubsets(font: LayoutFont): void {
  const createSubset = font.createSubset.bind(font);
  const programs = new Map<string, Uint8Array>();
  font.createSubset = () => {
    const subset = createSubset();
    const encodeStream = subset.encodeStream.bind(subset);
    subset.encodeStream = () => {
      const key = subset.glyphs.join(',');
      const known = programs.get(key);
      if (known) {
        const replay = new EventEmitter();
        setImmediate(() => {
          replay.emit('data', known);
          replay.emit('end');
        });
        return replay;
      }
      const parts: Uint8Array[] = [];
      const stream = encodeStream();
      stream.on('data', (bytes: Uint8Array) => parts.push(bytes));
      stream.on('end', () => {
        if (programs.size >= SUBSET_CACHE_LIMIT) programs.clear();
        const program = Buffer.concat(parts);
        programs.set(key, program);
        keepCompressed(program);
      });
      return stream;
    };
    return subset;
  };
}

/**
 * A font's text layout remembered per string: laying text out (OpenType shaping) ran for every
 * measured word and drawn line of every document, the labels and headings the same each time.
 * pdf-lib reads only the glyphs (ids and advance widths) of a layout and does not change them.
 */
function rememberLayouts(font: LayoutFont): LayoutFont {
  const layout = font.layout.bind(font);
  const cache = new Map<string, unknown>();
  font.layout = (text, features) => {
    if (features !== undefined) return layout(text, features);
    let run = cache.get(text);
    if (run === undefined) {
      if (cache.size >= LAYOUT_CACHE_LIMIT) cache.clear();
      run = layout(text);
      cache.set(text, run);
    }
    return run;
  };
  return font;
}

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
      const parsed = fontkit.create(data as Buffer, postscriptName) as unknown as LayoutFont;
      rememberLayouts(parsed);
      rememberSubsets(parsed);
      font = parsed;
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

/**
 * The QR as one tiny image, a pixel per module, scaled up without smoothing: a handful of bytes,
 * where drawing a rectangle per run of dark modules made hundreds of drawing operations.
 */
function drawQr(doc: PDFDocument, page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const rowBytes = Math.ceil(count / 8);
  const bits = new Uint8Array(rowBytes * count); // 1 = white (DeviceGray, one bit per module)
  bits.fill(0xff);
  for (let row = 0; row < count; row += 1)
    for (let col = 0; col < count; col += 1) {
      const at = row * rowBytes + (col >> 3);
      if (qr.modules.get(row, col)) bits[at] = (bits[at] ?? 0) & ~(0x80 >> (col & 7));
    }
  const image = doc.context.flateStream(bits, { Type: 'XObject', Subtype: 'Image', Width: count, Height: count, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Interpolate: false });
  const name = page.node.newXObject('QR', doc.context.register(image));
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(size, 0, 0, size, x, y), drawObject(name), popGraphicsState());
}

/** Lays the document model out on A4 pages with an embedded Unicode font subset; returns unsigned PDF bytes. */
export async function renderPdf(model: DocumentModel): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(cachingFontkit);
  const { regular, bold } = fonts();
  const font = await doc.embedFont(regular, { subset: true });
  const boldFont = await doc.embedFont(bold, { subset: true });
  // Each subset starts with the same letters, in the same order: see rememberSubsets.
  font.encodeText(BASE_CHARACTERS);
  boldFont.encodeText(BASE_CHARACTERS);
  doc.setTitle(`${model.number} — ${model.title}`);
  doc.setAuthor(model.company);
  doc.setLanguage('uk-UA');
  doc.setProducer('Dealer Desk');
  doc.setCreator('Dealer Desk');

  const flow = new Flow(doc, font, boldFont);
  const first = flow.page;
  drawQr(doc, first, model.verifyUrl, MARGIN + WIDTH - 78, A4[1] - MARGIN - 78, 78);
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
      const image = await embedPng(doc, signature.png);
      const scale = Math.min(200 / image.width, 60 / image.height, 1);
      flow.ensure(image.height * scale + 4);
      image.draw(flow.page, { x: MARGIN, y: flow.y - image.height * scale, width: image.width * scale, height: image.height * scale });
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
