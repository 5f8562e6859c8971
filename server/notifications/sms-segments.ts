/**
 * How many SMS segments a text takes when sent as UCS-2 (any Cyrillic letter forces it): up to 70
 * UTF-16 units fit one; a longer text is split into segments of 67 (the rest of each carries the
 * concatenation header). A character outside the BMP counts twice, as on the air.
 */
export function ucs2Segments(text: string): number {
  return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}
