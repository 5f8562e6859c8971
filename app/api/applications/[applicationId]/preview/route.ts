import { z } from 'zod';
import { previewPdf } from '@/server/applications/preview-application';
import { jsonError } from '@/server/http/limited-body';
import { withSignedIn } from '@/server/http/route-helpers';

export const dynamic = 'force-dynamic';

/** The document as it will be printed, before signing (not sealed, not stored). */
export async function GET(req: Request, { params }: { params: Promise<{ applicationId: string }> }): Promise<Response> {
  return withSignedIn(req, async (ctx) => {
    const id = z.uuid().safeParse((await params).applicationId);
    if (!id.success) return jsonError(404, 'NOT_FOUND', 'Application was not found', { messageKey: 'errors.notFound' });
    const bytes = await previewPdf({ ctx, input: { applicationId: id.data } });
    return new Response(Buffer.from(bytes), { headers: { 'content-type': 'application/pdf', 'content-disposition': 'inline', 'cache-control': 'no-store' } });
  });
}
