import { z } from 'zod';
import { getApplicationForActor } from '@/server/applications/application-access';
import { jsonError } from '@/server/http/limited-body';
import { pdfDownload, withSignedIn } from '@/server/http/route-helpers';

export const dynamic = 'force-dynamic';

/** The sealed PDF, for whoever may read the application (dealer company, the chat's operator, the back office once submitted, admins). */
export async function GET(req: Request, { params }: { params: Promise<{ applicationId: string }> }): Promise<Response> {
  return withSignedIn(req, async (ctx) => {
    const id = z.uuid().safeParse((await params).applicationId);
    if (!id.success) return jsonError(404, 'NOT_FOUND', 'Application was not found', { messageKey: 'errors.notFound' });
    const { application } = await getApplicationForActor(ctx.db, ctx.actor, id.data);
    if (!application.pdfKey) return jsonError(404, 'NOT_FOUND', 'The application has no signed PDF yet', { messageKey: 'errors.noSignedPdf' });
    const bytes = await ctx.storage.get(application.pdfKey);
    return pdfDownload(bytes, `${application.number}.pdf`);
  });
}
