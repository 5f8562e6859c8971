import { z } from 'zod';
import { contentDisposition } from '@/server/files/file-name';
import { jsonError } from '@/server/http/limited-body';
import { withVisitor } from '@/server/http/widget-route-helpers';
import { readVisitorAttachment } from '@/server/widget/read-visitor-attachment';

export const dynamic = 'force-dynamic';

/** An attachment of one of the visitor's chats (bearer token: the widget fetches it and shows a blob). */
export async function GET(req: Request, { params }: { params: Promise<{ attachmentId: string }> }): Promise<Response> {
  return withVisitor(req, async (ctx) => {
    const id = z.uuid().safeParse((await params).attachmentId);
    if (!id.success) return jsonError(404, 'NOT_FOUND', 'Attachment was not found', { messageKey: 'errors.notFound' });
    const file = await readVisitorAttachment({ ctx, input: { attachmentId: id.data } });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        'content-type': file.mime,
        'content-length': String(file.bytes.byteLength),
        'content-disposition': contentDisposition('inline', file.fileName),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, max-age=3600',
      },
    });
  });
}
