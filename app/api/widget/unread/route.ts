import { withCors, widgetPreflight, withVisitor } from '@/server/http/widget-route-helpers';
import { unreadCount } from '@/server/widget/unread-count';

export const dynamic = 'force-dynamic';

/**
 * The badge of the loader on an embedding page: `{ unread }` of the visitor's open chat. Bearer
 * token; CORS for WIDGET_ORIGINS only. A read, never a state change.
 */
export async function GET(req: Request): Promise<Response> {
  const response = await withVisitor(req, async (ctx) => {
    const answer = await unreadCount({ ctx });
    return Response.json(answer, { headers: { 'cache-control': 'no-store' } });
  });
  return withCors(req, response);
}

export function OPTIONS(req: Request): Response {
  return widgetPreflight(req);
}
