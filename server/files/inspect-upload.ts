import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { DomainError, invalid } from '@/server/errors/domain-error';
import { safeFileName } from './file-name';
import { ALLOWED_UPLOAD_TYPES, MAX_UPLOAD_BYTES } from './upload-rules';

export type AllowedMime = (typeof ALLOWED_UPLOAD_TYPES)[number];

const EXTENSION: Record<AllowedMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/** The name cleaned (./file-name.ts), ending in the extension of what the bytes are. */
function storedFileName(name: string, mime: AllowedMime): string {
  const base = safeFileName(name);
  return base.toLowerCase().endsWith(`.${EXTENSION[mime]}`) ? base : `${base}.${EXTENSION[mime]}`;
}

export interface InspectedUpload {
  mime: AllowedMime;
  sha256: string;
  storageKey: string;
  fileName: string;
  size: number;
}

/**
 * The rules for every uploaded photo or scan (chat attachments, identity document scans): not
 * empty, at most 10 MB, JPEG, PNG or PDF judged by the bytes, content-addressed by sha256.
 */
export async function inspectUpload(bytes: Uint8Array, fileName: string): Promise<InspectedUpload> {
  if (bytes.byteLength === 0) throw invalid('errors.fileEmpty', 'The file is empty');
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new DomainError('invalid', 'errors.fileTooLarge', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  }
  const detected = await fileTypeFromBuffer(bytes);
  const mime = ALLOWED_UPLOAD_TYPES.find((t) => t === detected?.mime);
  if (!mime) throw invalid('errors.fileType', `Only JPEG, PNG and PDF files are accepted (this one is ${detected?.mime ?? 'of an unknown type'})`);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { mime, sha256, storageKey: `attachments/${sha256.slice(0, 2)}/${sha256}.${EXTENSION[mime]}`, fileName: storedFileName(fileName, mime), size: bytes.byteLength };
}
