import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { wrapText } from '@/server/signing/pdf-text';

describe('wrapText', () => {
  it('keeps every word, breaks at spaces, and fits the width', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const text = 'The subscriber asks to replace the SIM card that was lost yesterday at the market';
    const lines = wrapText(text, font, 10, 120);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(120);
  });

  it('cuts a word that is wider than the line, and keeps paragraphs', async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const lines = wrapText(`${'8'.repeat(60)}\nnext`, font, 10, 100);
    expect(lines.at(-1)).toBe('next');
    expect(lines.slice(0, -1).join('')).toBe('8'.repeat(60));
    for (const line of lines) expect(font.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(100);
  });
});
