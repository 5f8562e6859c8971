import path from 'node:path';

/** Everything the app writes (database, files, PDFs, certificates, secrets) lives under DATA_DIR. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || 'data');
}
