import { readChatUpload } from '@/server/http/chat-upload-form';
import { withVisitor } from '@/server/http/widget-route-helpers';
import { uploadVisitorAttachment } from '@/server/widget/upload-visitor-attachment';

export const dynamic = 'force-dynamic';

/** The visitor sends a photo into their chat: multipart form with `file` and `clientId`; bearer token. Answers `{ message }` (201). */
export async function POST(original: Request, { params }: { params: Promise<{ chatId: string }> }): Promise<Response> {
  return withVisitor(original, async (ctx) => {
    const upload = await readChatUpload(original, (await params).chatId);
    if (upload instanceof Response) return upload;
    return Response.json({ message: await uploadVisitorAttachment({ ctx, input: upload }) }, { status: 201 });
  });
}
