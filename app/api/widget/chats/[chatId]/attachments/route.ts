import { z } from 'zod';
import { CHAT_LIMITS } from '@/server/chat/chat-config';
import { BodyTooLargeError, jsonError, withLimitedBody } from '@/server/http/limited-body';
import { withVisitor } from '@/server/http/widget-route-helpers';
import { uploadVisitorAttachment } from '@/server/widget/upload-visitor-attachment';

export const dynamic = 'force-dynamic';

const MULTIPART_OVERHEAD = 64 * 1024;
const fields = z.object({ chatId: z.uuid(), clientId: z.uuid() });

/** The visitor sends a photo into their chat: multipart form with `file` and `clientId`; bearer token. Answers `{ message }` (201). */
export async function POST(original: Request, { params }: { params: Promise<{ chatId: string }> }): Promise<Response> {
  return withVisitor(original, async (ctx) => {
    let req: Request;
    try {
      req = await withLimitedBody(original, CHAT_LIMITS.maxAttachmentBytes + MULTIPART_OVERHEAD);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return jsonError(413, 'PAYLOAD_TOO_LARGE', 'The file is larger than 10 MB.', { messageKey: 'errors.fileTooLarge' });
      }
      throw error;
    }
    const form = await req.formData().catch(() => null);
    const file = form?.get('file');
    const parsed = fields.safeParse({ chatId: (await params).chatId, clientId: form?.get('clientId') });
    if (!form || !(file instanceof File) || !parsed.success) {
      return jsonError(400, 'BAD_REQUEST', 'Send a multipart form with a file and a clientId (UUID).', { messageKey: 'errors.attachmentForm' });
    }
    const message = await uploadVisitorAttachment({
      ctx,
      input: { chatId: parsed.data.chatId, clientId: parsed.data.clientId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    });
    return Response.json({ message }, { status: 201 });
  });
}
