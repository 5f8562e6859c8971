import { BIDI_CONTROLS, CONTROL_CHARACTERS, ZERO_WIDTH } from '@/templates/validators/user-text';

const MAX_LENGTH = 120;

/**
 * An uploaded file's name made safe to store, show and put in a header: bidirectional controls
 * ("photo‮gpj.exe" reads "photoexe.jpg"), control and zero-width characters removed; path
 * separators and the characters Windows refuses replaced by `_`; NFC; no spaces or dots at the
 * ends; at most 120 characters (the extension kept); `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(ZERO_WIDTH, '')
    .replace(CONTROL_CHARACTERS, '')
    .replace(/[\u2028\u2029]/g, '')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const chars = [...cleaned];
  if (chars.length <= MAX_LENGTH) return cleaned || fallback;
  const extension = /\.[^.\s]{1,10}$/u.exec(cleaned)?.[0] ?? '';
  return chars.slice(0, MAX_LENGTH - [...extension].length).join('') + extension;
}

/** RFC 5987 value characters: what encodeURIComponent leaves alone, less ' ( ) *. */
const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A Content-Disposition header for a file name (cleaned again, for names stored before the
 * rule): a plain-ASCII `filename` for old clients and the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(type: 'inline' | 'attachment', fileName: string): string {
  const name = safeFileName(fileName);
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}
