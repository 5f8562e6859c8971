import { getDb } from '@/db/client';
import { BodyTooLargeError, jsonError, tooLargeResponse, withLimitedBody } from '@/server/http/limited-body';
import { verifyDocument } from '@/server/signing/verify-document';

export const dynamic = 'force-dynamic';

const MAX_PDF_BYTES = 20 * 1024 * 1024;

/** Public: upload a PDF (multipart `file`) and learn whether it is an authentic, unmodified document of ours. */
export async function POST(original: Request): Promise<Response> {
  let req: Request;
  try {
    req = await withLimitedBody(original, MAX_PDF_BYTES + 64 * 1024);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse(MAX_PDF_BYTES);
    throw error;
  }
  const file = (await req.formData().catch(() => null))?.get('file');
  if (!(file instanceof File)) return jsonError(400, 'BAD_REQUEST', 'Send the PDF as a multipart form field "file".', { messageUk: 'Надішліть PDF у полі форми «file».' });
  const bytes = Buffer.from(await file.arrayBuffer());
  if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
    return jsonError(400, 'NOT_A_PDF', 'This is not a PDF file.', { messageUk: 'Це не PDF-файл.' });
  }
  return Response.json(verifyDocument(getDb(), bytes), { headers: { 'cache-control': 'no-store' } });
}
