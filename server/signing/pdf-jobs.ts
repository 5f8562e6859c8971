import { createHash } from 'node:crypto';
import type { DocumentModel } from './document-model';
import { checkSignaturePng, type PngCheck } from './png-ink';
import { renderPdf } from './render-pdf';
import type { SealKey } from './seal-certificate';
import { sealPdf } from './seal-pdf';
import { checkPdfSignature, type SignatureCheck } from './verify-pdf';

/**
 * The CPU-heavy document steps, as plain functions of plain data: what the PDF worker threads run
 * (server/signing/pdf-worker.ts), and what the benchmark measures in-process.
 */
export interface SealInfo {
  reason: string;
  location: string;
  contact: string;
  signingTime: Date;
}

/** Renders the model and seals it: the signed file's bytes. */
export async function sealDocument(model: DocumentModel, key: SealKey, info: SealInfo): Promise<Uint8Array> {
  return sealPdf(await renderPdf(model), key, info);
}

/** The unsealed document, as the signers see it before signing. */
export async function previewDocument(model: DocumentModel): Promise<Uint8Array> {
  return (await renderPdf(model)).save();
}

export interface UploadedPdfCheck {
  check: SignatureCheck;
  sha256: string;
}

/** An uploaded PDF: its seal checked and its sha256 (how a file we issued is found). */
export function checkUploadedPdf(pdf: Uint8Array): UploadedPdfCheck {
  const buffer = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  return { check: checkPdfSignature(buffer), sha256: createHash('sha256').update(buffer).digest('hex') };
}

/** A drawn signature's PNG decoded: is there ink. */
export function checkSignatureImage(png: Uint8Array): PngCheck {
  return checkSignaturePng(png);
}
