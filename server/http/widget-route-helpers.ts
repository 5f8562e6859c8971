import { TRPCError } from '@trpc/server';
import { logger } from '@/server/config/logger';
import { env } from '@/server/config/env';
import { toTRPCError } from '@/server/trpc/error-mapping';
import { createWidgetContextFromHeaders } from '@/server/trpc/widget-context';
import type { WidgetTRPCContext } from '@/server/trpc/widget-init';
import type { VisitorContext } from '@/server/widget/widget-context';
import { errorResponse } from './route-helpers';

/**
 * For the widget's binary and plain routes (uploads, downloads, the badge's unread count): the
 * widget's context from the bearer token (never the staff cookie), the same error mapping.
 */
export async function withVisitor(req: Request, handle: (ctx: WidgetTRPCContext & VisitorContext) => Promise<Response>): Promise<Response> {
  try {
    const ctx = await createWidgetContextFromHeaders(req.headers);
    if (!ctx.widgetSession) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'The widget session has ended. Start a new one.' });
    return await handle({ ...ctx, widgetSession: ctx.widgetSession });
  } catch (error) {
    const mapped = toTRPCError(error);
    if (mapped.code === 'INTERNAL_SERVER_ERROR') logger().error({ err: error, url: req.url }, 'widget route failed');
    return errorResponse(mapped);
  }
}

/**
 * CORS for the loader on an embedding page (WIDGET_ORIGINS): the allowed Origin is echoed, with
 * Authorization as the one extra request header; any other origin gets no CORS header (the
 * browser then hides the answer). Nothing of a staff session is involved (no credentials mode).
 */
export function widgetCorsHeaders(req: Request, methods = 'GET, OPTIONS', origins: readonly string[] = env().WIDGET_ORIGINS): Record<string, string> {
  const origin = req.headers.get('origin');
  const headers: Record<string, string> = { vary: 'Origin' };
  if (origin && origins.includes(origin.toLowerCase())) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-allow-methods'] = methods;
    headers['access-control-allow-headers'] = 'Authorization';
    headers['access-control-max-age'] = '600';
  }
  return headers;
}

/** The preflight's answer: 204 with the CORS headers for an allowed origin, without them otherwise. */
export function widgetPreflight(req: Request, methods?: string): Response {
  return new Response(null, { status: 204, headers: widgetCorsHeaders(req, methods) });
}

/** Adds the CORS headers to an answer. */
export function withCors(req: Request, response: Response, methods?: string): Response {
  for (const [name, value] of Object.entries(widgetCorsHeaders(req, methods))) response.headers.set(name, value);
  return response;
}
