import { inflateSync } from 'node:zlib';

export type PngCheck = { ok: true; width: number; height: number } | { ok: false; reason: 'notPng' | 'unsupported' | 'empty' | 'corrupt' };

const MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Whether a drawn signature really has ink: decodes an 8-bit RGBA or RGB PNG (what canvases
 * produce) and looks for a pixel that is not transparent (RGBA) or not white (RGB).
 */
export function checkSignaturePng(bytes: Uint8Array): PngCheck {
  const buf = Buffer.from(bytes);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(MAGIC)) return { ok: false, reason: 'notPng' };
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Buffer[] = [];
  try {
    while (offset + 8 <= buf.length) {
      const length = buf.readUInt32BE(offset);
      const type = buf.toString('ascii', offset + 4, offset + 8);
      const data = buf.subarray(offset + 8, offset + 8 + length);
      if (type === 'IHDR') {
        width = data.readUInt32BE(0);
        height = data.readUInt32BE(4);
        const bitDepth = data.readUInt8(8);
        colorType = data.readUInt8(9);
        const interlace = data.readUInt8(12);
        if (bitDepth !== 8 || (colorType !== 6 && colorType !== 2) || interlace !== 0) return { ok: false, reason: 'unsupported' };
        if (width < 1 || height < 1 || width > 4000 || height > 2000) return { ok: false, reason: 'unsupported' };
      } else if (type === 'IDAT') idat.push(data);
      else if (type === 'IEND') break;
      offset += 12 + length;
    }
    const channels = colorType === 6 ? 4 : 3;
    const stride = width * channels;
    const raw = inflateSync(Buffer.concat(idat));
    if (raw.length < (stride + 1) * height) return { ok: false, reason: 'corrupt' };
    let previous = Buffer.alloc(stride);
    for (let row = 0; row < height; row += 1) {
      const filter = raw[row * (stride + 1)];
      const line = Buffer.from(raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1)));
      for (let i = 0; i < stride; i += 1) {
        const left = i >= channels ? (line[i - channels] ?? 0) : 0;
        const up = previous[i] ?? 0;
        const upLeft = i >= channels ? (previous[i - channels] ?? 0) : 0;
        const value = line[i] ?? 0;
        if (filter === 1) line[i] = (value + left) & 0xff;
        else if (filter === 2) line[i] = (value + up) & 0xff;
        else if (filter === 3) line[i] = (value + ((left + up) >> 1)) & 0xff;
        else if (filter === 4) {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          line[i] = (value + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)) & 0xff;
        }
      }
      for (let px = 0; px < width; px += 1) {
        const i = px * channels;
        const inked = channels === 4 ? (line[i + 3] ?? 0) > 16 : (line[i] ?? 255) < 200 || (line[i + 1] ?? 255) < 200 || (line[i + 2] ?? 255) < 200;
        if (inked) return { ok: true, width, height };
      }
      previous = line;
    }
    return { ok: false, reason: 'empty' };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}
