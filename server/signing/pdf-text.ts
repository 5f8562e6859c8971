import type { PDFFont } from 'pdf-lib';

/**
 * Splits text into lines that fit a width, breaking at spaces, or inside a word that is too long.
 * Each word is measured once (measuring runs the font's layout, the costly part of rendering).
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const space = font.widthOfTextAtSize(' ', size);
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const wordWidth = font.widthOfTextAtSize(word, size);
      if (line && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      if (wordWidth <= width) {
        line = word;
        lineWidth = wordWidth;
        continue;
      }
      // A word wider than the line (a long number or URL): cut it by characters.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = Math.max(1, Math.floor((rest.length * width) / font.widthOfTextAtSize(rest, size)));
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
      lineWidth = font.widthOfTextAtSize(rest, size);
    }
    lines.push(line);
  }
  return lines;
}
