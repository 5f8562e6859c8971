import { z } from 'zod';
import { getApplicationForActor } from '@/server/applications/application-access';
import { jsonError } from '@/server/http/limited-body';
import { withSignedIn } from '@/server/http/route-helpers';

export const dynamic = 'force-dynamic';

/** The sealed PDF, for the dealer company, the chat's operator and admins (back office: next release). */
export async function GET(req: Request, { params }: { params: Promise<{ applicationId: string }> }): Promise<Response> {
  return withSignedIn(req, async (ctx) => {
    const id = z.uuid().safeParse((await params).applicationId);
    if (!id.success) return jsonError(404, 'NOT_FOUND', 'Application was not found', { messageUk: 'Не знайдено.' });
    const { application } = getApplicationForActor(ctx.db, ctx.actor, id.data);
    if (!application.pdfKey) return jsonError(404, 'NOT_FOUND', 'The application has no signed PDF yet', { messageUk: 'Підписаного PDF ще немає.' });
    const bytes = await ctx.storage.get(application.pdfKey);
    return new Response(Buffer.from(bytes), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${application.number}.pdf"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  });
}
