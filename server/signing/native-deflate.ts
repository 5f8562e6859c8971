import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

let installed = false;

/** Inputs whose compressed form is kept (the fonts' subset programs), by length. */
const kept = new Map<number, { input: Buffer; output: Uint8Array }[]>();
const KEPT_LIMIT = 64;

/**
 * Keeps the compressed form of these bytes: the next deflate of the same bytes (the same font
 * subset in the next document, render-pdf.ts) is a comparison instead of a compression.
 */
export function keepCompressed(input: Uint8Array): void {
  if ([...kept.values()].reduce((n, list) => n + list.length, 0) >= KEPT_LIMIT) kept.clear();
  const copy = Buffer.from(input);
  const out = deflateSync(copy);
  const list = kept.get(copy.length) ?? [];
  list.push({ input: copy, output: new Uint8Array(out.buffer, out.byteOffset, out.byteLength) });
  kept.set(copy.length, list);
}

function compressed(data: Uint8Array): Uint8Array | undefined {
  const list = kept.get(data.length);
  if (!list) return undefined;
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return list.find((k) => k.input.equals(view))?.output;
}

/**
 * pdf-lib compresses every stream (page contents, the signature images' colour and alpha
 * channels, the font subsets) with pako, zlib in pure JavaScript: a quarter of a document's time.
 * This gives pdf-lib's pako Node's native zlib for that one call: the same zlib format at the
 * same level (6), several times faster. Options (none of pdf-lib's calls pass any) go to pako.
 */
export function installNativeDeflate(): void {
  if (installed) return;
  installed = true;
  const fromApp = createRequire(path.join(process.cwd(), 'package.json'));
  const pako = createRequire(fromApp.resolve('pdf-lib'))('pako') as { deflate: (data: Uint8Array, options?: object) => Uint8Array };
  const pure = pako.deflate;
  pako.deflate = (data, options) => {
    if (options) return pure(data, options);
    const known = compressed(data);
    if (known) return known.slice();
    const out = deflateSync(data);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  };
}
