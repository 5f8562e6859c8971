import { uploadAttachment } from '@/server/chat/upload-attachment';
import { readChatUpload } from '@/server/http/chat-upload-form';
import { withSignedIn } from '@/server/http/route-helpers';

export const dynamic = 'force-dynamic';

/** Upload a photo or scan into a chat: multipart form with `file` and `clientId`. */
export async function POST(original: Request, { params }: { params: Promise<{ chatId: string }> }): Promise<Response> {
  return withSignedIn(original, async (ctx) => {
    const upload = await readChatUpload(original, (await params).chatId);
    if (upload instanceof Response) return upload;
    return Response.json({ message: await uploadAttachment({ ctx, input: upload }) }, { status: 201 });
  });
}
