import { z } from 'zod';
import { readAttachment } from '@/server/chat/read-attachment';
import { jsonError } from '@/server/http/limited-body';
import { withSignedIn } from '@/server/http/route-helpers';
import { contentDisposition } from '@/server/files/file-name';

export const dynamic = 'force-dynamic';

/** Download an attachment; only for those who may read its chat. `?download=1` saves instead of showing. */
export async function GET(req: Request, { params }: { params: Promise<{ attachmentId: string }> }): Promise<Response> {
  return withSignedIn(req, async (ctx) => {
    const id = z.uuid().safeParse((await params).attachmentId);
    if (!id.success) return jsonError(404, 'NOT_FOUND', 'Attachment was not found', { messageKey: 'errors.notFound' });
    const file = await readAttachment({ ctx, input: { attachmentId: id.data } });
    const disposition = new URL(req.url).searchParams.has('download') ? 'attachment' : 'inline';
    return new Response(Buffer.from(file.bytes), {
      headers: {
        'content-type': file.mime,
        'content-length': String(file.bytes.byteLength),
        'content-disposition': contentDisposition(disposition, file.fileName),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, max-age=3600',
        etag: `"${file.sha256}"`,
      },
    });
  });
}
