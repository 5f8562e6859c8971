import { z } from 'zod';
import { chatTranscript } from '@/server/chat/chat-transcript';
import { jsonError } from '@/server/http/limited-body';
import { withSignedIn } from '@/server/http/route-helpers';
import { contentDisposition } from '@/server/files/file-name';

export const dynamic = 'force-dynamic';

/** The chat's transcript as a UTF-8 text file, in the language asked for (`?lang=en`, Ukrainian by default). */
export async function GET(req: Request, { params }: { params: Promise<{ chatId: string }> }): Promise<Response> {
  return withSignedIn(req, async (ctx) => {
    const id = z.uuid().safeParse((await params).chatId);
    if (!id.success) return jsonError(404, 'NOT_FOUND', 'Chat was not found', { messageKey: 'errors.notFound' });
    const locale = new URL(req.url).searchParams.get('lang') === 'en' ? 'en' : 'uk';
    const { fileName, text } = await chatTranscript({ ctx, input: { chatId: id.data, locale } });
    return new Response(text, {
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': contentDisposition('attachment', fileName),
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
