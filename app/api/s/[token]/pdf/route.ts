import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { logger } from '@/server/config/logger';
import { jsonError } from '@/server/http/limited-body';
import { pdfDownload } from '@/server/http/route-helpers';
import { pdfByLink } from '@/server/subscriber/pdf-by-link';
import { createContextFromHeaders } from '@/server/trpc/context';
import { messageUkOf, toTRPCError } from '@/server/trpc/error-mapping';

export const dynamic = 'force-dynamic';

/** The signed PDF for the holder of a confirmation link (no account). The token never reaches a log line. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const ctx = await createContextFromHeaders(req.headers);
    const { fileName, bytes } = await pdfByLink({ ctx, input: { token: (await params).token } });
    return pdfDownload(bytes, fileName);
  } catch (error) {
    const mapped = toTRPCError(error);
    if (mapped.code === 'INTERNAL_SERVER_ERROR') {
      logger().error({ err: error, route: '/api/s/[token]/pdf' }, 'subscriber PDF failed');
      return jsonError(500, mapped.code, 'Something went wrong on our side. Please try again.');
    }
    return jsonError(getHTTPStatusCodeFromError(mapped), mapped.code, mapped.message, { messageUk: messageUkOf(mapped) });
  }
}
