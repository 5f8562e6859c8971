import { z } from 'zod';

/*
 * Text that people type (or paste, or send from a script) is checked here once, for every
 * schema that takes free text, on the server and in the browser alike:
 *
 * - Control characters (NUL, ESC, BEL… — C0 other than tab and line breaks, DEL, C1) are REFUSED
 *   with `validation.controlCharacters`: no keyboard types them, so they come from a broken
 *   client or an attack, and quietly changing the text would hide that.
 * - Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and zero-width
 *   characters are STRIPPED silently: they are invisible, arrive with text copied from web pages,
 *   and a person could not find them to remove them; kept, they make "‮gpj.exe" read "exe.jpg".
 * - One line (names, addresses, topics): tabs and line breaks become spaces, as a browser's
 *   <input> takes pasted text. Several lines (messages, comments): CRLF and CR become LF, tabs stay.
 * - Then NFC (so "й" typed as и + breve is the same "й") and trimmed.
 */

/** Characters that reorder what is shown. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Invisible characters: zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen. */
export const ZERO_WIDTH = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
/** The same without the joiners, which emoji sequences (👩‍💻) and some scripts need in running text. */
const ZERO_WIDTH_BUT_JOINERS = /[\u00AD\u200B\u2060\uFEFF]/g;
/** C0 control characters (tab, LF and CR among them), DEL and C1. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
export const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

/** The same but tab and LF, which the cleaning below leaves only where they belong. */
// eslint-disable-next-line no-control-regex -- as above
const REFUSED_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const hasNoControls = (value: string) => !REFUSED_CONTROLS.test(value);

/** One line: breaks and tabs as spaces, invisible characters gone. */
export const cleanLine = (value: string) =>
  value
    .replace(/\r\n|[\t\n\r\u2028\u2029]/g, ' ')
    .replace(BIDI_CONTROLS, '')
    .replace(ZERO_WIDTH, '');

/** Several lines: LF only, tabs kept, invisible characters gone (but for the joiners). */
export const cleanLines = (value: string) =>
  value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(BIDI_CONTROLS, '')
    .replace(ZERO_WIDTH_BUT_JOINERS, '');

const userText = (clean: (value: string) => string) =>
  z
    .string()
    .overwrite(clean)
    .refine(hasNoControls, { message: 'controlCharacters', abort: true })
    .overwrite((value) => value.normalize('NFC'))
    .trim();

/** A one-line text field (a name, a town, an address, a topic); chain `.min()`/`.max()` as on `z.string()`. */
export const singleLine = () => userText(cleanLine);

/** A text with line breaks (a chat message, a comment, a note, a remark). */
export const multiLine = () => userText(cleanLines);
