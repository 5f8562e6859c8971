import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { applications } from '@/db/schema';
import { getDb } from '@/server/config/database';
import { getSealKey } from './seal-certificate';
import { pdfPool } from './pdf-pool';
import { publicInfo, type PublicApplicationInfo } from './public-application';

export type VerifyResult =
  /** testSeal: sealed with the self-signed development certificate, which has no legal force. */
  | { result: 'authentic'; signer: string; testSeal: boolean; application: PublicApplicationInfo }
  | { result: 'modified'; reason: string }
  | { result: 'unknown'; reason: string };

/**
 * An uploaded PDF: its seal is checked cryptographically, and the file's sha256 must be the one
 * stored when it was sealed. Any changed byte breaks one or the other. The file is parsed and
 * checked on a PDF worker thread (an upload may be 20 MB).
 */
export async function verifyDocument(db: DbOrTx, pdf: Buffer): Promise<VerifyResult> {
  const { check, sha256 } = await pdfPool().verify(pdf);
  const known = await publicInfo(db, eq(applications.pdfSha256, sha256));
  if (check.valid && check.coversWholeFile && known) {
    const key = getSealKey();
    const testSeal = check.developmentSeal || (key.development && check.certificateSha256 === key.certificateSha256);
    return { result: 'authentic', signer: check.signer, testSeal, application: known };
  }
  if (!check.valid && check.reason === 'noSignature') return { result: 'unknown', reason: 'The file has no digital seal' };
  if (!check.valid) return { result: 'modified', reason: 'The seal does not match the content: the file was changed after sealing' };
  if (!check.coversWholeFile) return { result: 'modified', reason: 'Something was added to the file after it was sealed' };
  // Our own seal on a file we never issued: the part outside the signed ranges was changed.
  if (check.certificateSha256 === getSealKey().certificateSha256) return { result: 'modified', reason: 'This file differs from the one we sealed' };
  return { result: 'unknown', reason: 'The seal is intact, but it is not ours and the document is not on record' };
}

/** The public check of an uploaded PDF (app/api/verify), against the app's database: route handlers never open it themselves. */
export function verifyUploadedDocument(pdf: Buffer): Promise<VerifyResult> {
  return verifyDocument(getDb(), pdf);
}
