import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { logger } from '@/server/config/logger';
import { errorResponse, pdfDownload } from '@/server/http/route-helpers';
import { pdfByLink } from '@/server/subscriber/pdf-by-link';
import { createContextFromHeaders } from '@/server/trpc/context';
import { messageRefOf, toTRPCError } from '@/server/trpc/error-mapping';
import { errorPage, wantsPage } from '../../../../_lib/error-page';

export const dynamic = 'force-dynamic';

/**
 * The signed PDF for the holder of a confirmation link (no account). The token never reaches a log line.
 * A refusal reaches the subscriber's browser as a page in their language (Ukrainian unless chosen
 * otherwise); a script gets the JSON error.
 */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  try {
    const ctx = await createContextFromHeaders(req.headers);
    const { fileName, bytes } = await pdfByLink({ ctx, input: { token } });
    return pdfDownload(bytes, fileName);
  } catch (error) {
    const mapped = toTRPCError(error);
    if (mapped.code === 'INTERNAL_SERVER_ERROR') logger().error({ err: error, route: '/api/s/[token]/pdf' }, 'subscriber PDF failed');
    if (wantsPage(req)) {
      const back = `/s/${encodeURIComponent(token)}`;
      return errorPage(req, getHTTPStatusCodeFromError(mapped), messageRefOf(mapped), { titleKey: 'subscriber.errorTitle', helpKey: 'subscriber.errorHelp', back });
    }
    return errorResponse(mapped);
  }
}
