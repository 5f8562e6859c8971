import { z } from 'zod';
import { uploadScan } from '@/server/applications/upload-scan';
import { CHAT_LIMITS } from '@/server/chat/chat-config';
import { BodyTooLargeError, jsonError, withLimitedBody } from '@/server/http/limited-body';
import { withSignedIn } from '@/server/http/route-helpers';

export const dynamic = 'force-dynamic';

/** Upload a scan of an identity document (multipart `file`); the identification then lists its id. */
export async function POST(original: Request, { params }: { params: Promise<{ applicationId: string }> }): Promise<Response> {
  return withSignedIn(original, async (ctx) => {
    let req: Request;
    try {
      req = await withLimitedBody(original, CHAT_LIMITS.maxAttachmentBytes + 64 * 1024);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return jsonError(413, 'PAYLOAD_TOO_LARGE', 'The file is larger than 10 MB.', { messageKey: 'errors.fileTooLarge' });
      throw error;
    }
    const form = await req.formData().catch(() => null);
    const file = form?.get('file');
    const id = z.uuid().safeParse((await params).applicationId);
    if (!(file instanceof File) || !id.success) {
      return jsonError(400, 'BAD_REQUEST', 'Send a multipart form with a file.', { messageKey: 'errors.scanForm' });
    }
    const scan = await uploadScan({ ctx, input: { applicationId: id.data, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
    return Response.json({ scan }, { status: 201 });
  });
}
