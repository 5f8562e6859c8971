import { inflateSync } from 'node:zlib';
import { concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFDocument, type PDFPage } from 'pdf-lib';

const MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface DecodedPng {
  width: number;
  height: number;
  rgb: Uint8Array;
  alpha: Uint8Array | null;
}

/**
 * An 8-bit, non-interlaced RGB or RGBA PNG (what canvases produce, and all a drawn signature may
 * be: png-ink.ts) decoded with Node's zlib into its colour and alpha channels; null for any other
 * kind. pdf-lib's own decoder inflates in JavaScript and was a sixth of a document's time.
 */
export function decodePng(bytes: Uint8Array): DecodedPng | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(MAGIC)) return null;
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset + 8 <= buf.length) {
    const length = buf.readUInt32BE(offset);
    const type = buf.toString('ascii', offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      if (data.length < 13) return null;
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const colorType = data.readUInt8(9);
      if (data.readUInt8(8) !== 8 || (colorType !== 6 && colorType !== 2) || data.readUInt8(12) !== 0) return null;
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!channels || width < 1 || height < 1) return null;
  const stride = width * channels;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat));
  } catch {
    return null;
  }
  if (raw.length < (stride + 1) * height) return null;
  const rgb = new Uint8Array(width * height * 3);
  const alpha = channels === 4 ? new Uint8Array(width * height) : null;
  let previous = new Uint8Array(stride);
  let line = new Uint8Array(stride);
  for (let row = 0; row < height; row += 1) {
    const start = row * (stride + 1) + 1;
    const filter = raw[start - 1];
    if (filter === 0) line.set(raw.subarray(start, start + stride));
    else if (filter === 2) for (let i = 0; i < stride; i += 1) line[i] = ((raw[start + i] ?? 0) + (previous[i] ?? 0)) & 0xff;
    else {
      for (let i = 0; i < stride; i += 1) {
        const value = raw[start + i] ?? 0;
        const left = i >= channels ? (line[i - channels] ?? 0) : 0;
        const up = previous[i] ?? 0;
        if (filter === 1) line[i] = (value + left) & 0xff;
        else if (filter === 3) line[i] = (value + ((left + up) >> 1)) & 0xff;
        else if (filter === 4) {
          const upLeft = i >= channels ? (previous[i - channels] ?? 0) : 0;
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          line[i] = (value + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)) & 0xff;
        } else return null;
      }
    }
    for (let px = 0; px < width; px += 1) {
      const at = row * width + px;
      rgb[at * 3] = line[px * channels] ?? 0;
      rgb[at * 3 + 1] = line[px * channels + 1] ?? 0;
      rgb[at * 3 + 2] = line[px * channels + 2] ?? 0;
      if (alpha) alpha[at] = line[px * channels + 3] ?? 0;
    }
    [previous, line] = [line, previous];
  }
  return { width, height, rgb, alpha };
}

export interface EmbeddedImage {
  width: number;
  height: number;
  draw(page: PDFPage, box: { x: number; y: number; width: number; height: number }): void;
}

/** A PNG as an image of the document, its transparency as a soft mask; pdf-lib's embedPng for PNGs decodePng does not take. */
export async function embedPng(doc: PDFDocument, png: Uint8Array): Promise<EmbeddedImage> {
  const decoded = decodePng(png);
  if (!decoded) {
    const image = await doc.embedPng(png);
    return { width: image.width, height: image.height, draw: (page, box) => page.drawImage(image, box) };
  }
  const { width, height } = decoded;
  const mask = decoded.alpha && doc.context.register(doc.context.flateStream(decoded.alpha, { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: 'DeviceGray', Decode: [0, 1] }));
  const ref = doc.context.register(doc.context.flateStream(decoded.rgb, { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, ColorSpace: 'DeviceRGB', ...(mask ? { SMask: mask } : {}) }));
  return {
    width,
    height,
    draw(page, box) {
      const name = page.node.newXObject('Image', ref);
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(box.width, 0, 0, box.height, box.x, box.y), drawObject(name), popGraphicsState());
    },
  };
}
