import { BodyTooLargeError, jsonError, tooLargeResponse, withLimitedBody } from '@/server/http/limited-body';
import { DomainError } from '@/server/errors/domain-error';
import { verifyUploadedDocument } from '@/server/signing/verify-document';
import { messageRefOf, toTRPCError } from '@/server/trpc/error-mapping';

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
  if (!(file instanceof File)) return jsonError(400, 'BAD_REQUEST', 'Send the PDF as a multipart form field "file".', { messageKey: 'errors.pdfField' });
  const bytes = Buffer.from(await file.arrayBuffer());
  if (!bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
    return jsonError(400, 'NOT_A_PDF', 'This is not a PDF file.', { messageKey: 'errors.notAPdf' });
  }
  try {
    return Response.json(await verifyUploadedDocument(bytes), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'too_many') {
      // The PDF workers are all busy and their queue is full: "busy, retry".
      return jsonError(429, 'TOO_MANY_REQUESTS', error.message, messageRefOf(toTRPCError(error)), { headers: { 'retry-after': '5' } });
    }
    throw error;
  }
}
