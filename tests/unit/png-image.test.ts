import { describe, expect, it } from 'vitest';
import { decodePng } from '@/server/signing/png-image';
import { encodePng, scribblePng } from '@/server/signing/sample-document';

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** A PNG of these pixels whose rows use the filters in turn (None, Sub, Up, Average, Paeth), as encoders do. */
function png(pixels: Uint8Array, width: number, height: number, channels: 3 | 4, bitDepth = 8): Buffer {
  const stride = width * channels;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let row = 0; row < height; row += 1) {
    const filter = row % 5;
    raw[row * (stride + 1)] = filter;
    for (let i = 0; i < stride; i += 1) {
      const x = pixels[row * stride + i] ?? 0;
      const left = i >= channels ? (pixels[row * stride + i - channels] ?? 0) : 0;
      const up = row > 0 ? (pixels[(row - 1) * stride + i] ?? 0) : 0;
      const upLeft = row > 0 && i >= channels ? (pixels[(row - 1) * stride + i - channels] ?? 0) : 0;
      const predicted = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter] ?? 0;
      raw[row * (stride + 1) + 1 + i] = (x - predicted) & 0xff;
    }
  }
  return encodePng({ width, height, bitDepth, colourType: channels === 4 ? 6 : 2, filteredRows: raw });
}

function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

describe('decodePng: a drawn signature decoded natively for the PDF', () => {
  it('RGBA with every row filter: the colour and alpha channels are the pixels', () => {
    const width = 7;
    const height = 11;
    const pixels = noise(width * height * 4, 3);
    const decoded = decodePng(png(pixels, width, height, 4));
    expect(decoded).not.toBeNull();
    expect(decoded?.width).toBe(width);
    expect(decoded?.height).toBe(height);
    expect([...(decoded?.rgb ?? [])]).toEqual([...pixels].filter((_, i) => i % 4 !== 3));
    expect([...(decoded?.alpha ?? [])]).toEqual([...pixels].filter((_, i) => i % 4 === 3));
  });

  it('RGB with every row filter, no alpha', () => {
    const pixels = noise(5 * 6 * 3, 9);
    const decoded = decodePng(png(pixels, 5, 6, 3));
    expect(decoded?.alpha).toBeNull();
    expect([...(decoded?.rgb ?? [])]).toEqual([...pixels]);
  });

  it('the app’s own scribble decodes to ink on transparency', () => {
    const decoded = decodePng(scribblePng(360, 120, 1));
    expect(decoded?.width).toBe(360);
    expect(decoded?.alpha?.some((a) => a === 255)).toBe(true);
    expect(decoded?.alpha?.some((a) => a === 0)).toBe(true);
  });

  it('anything else is left to pdf-lib: 16-bit, not a PNG, a cut file', () => {
    expect(decodePng(png(noise(4 * 4 * 8, 1), 4, 4, 4, 16))).toBeNull();
    expect(decodePng(Buffer.from('not a png at all, just some text here'))).toBeNull();
    expect(decodePng(png(noise(4 * 4 * 4, 1), 4, 4, 4).subarray(0, 40))).toBeNull();
  });
});
