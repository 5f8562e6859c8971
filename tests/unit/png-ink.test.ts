import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scribblePng } from '@/server/signing/sample-document';
import { checkSignaturePng } from '@/server/signing/png-ink';

/** A blank transparent RGBA PNG, as an untouched canvas exports. */
function blankPng(width: number, height: number): Buffer {
  const png = Buffer.from(scribblePng(width, height));
  // Replace the image data with all-transparent rows.
  const raw = Buffer.alloc((width * 4 + 1) * height);
  const idat = deflateSync(raw);
  const ihdrEnd = 8 + 12 + 13;
  const head = png.subarray(0, ihdrEnd);
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type), data, Buffer.alloc(4)]);
  };
  return Buffer.concat([head, chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

describe('signature PNG check', () => {
  it('accepts a drawn signature', () => {
    expect(checkSignaturePng(scribblePng())).toMatchObject({ ok: true, width: 360, height: 120 });
  });
  it('refuses an empty canvas, a non-PNG and garbage', () => {
    expect(checkSignaturePng(blankPng(300, 100))).toEqual({ ok: false, reason: 'empty' });
    expect(checkSignaturePng(Buffer.from('%PDF-1.4 not a png'))).toEqual({ ok: false, reason: 'notPng' });
    expect(checkSignaturePng(new Uint8Array(0))).toEqual({ ok: false, reason: 'notPng' });
    const truncated = Buffer.from(scribblePng()).subarray(0, 60);
    expect(checkSignaturePng(truncated).ok).toBe(false);
  });
});
