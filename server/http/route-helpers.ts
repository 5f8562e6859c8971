import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { logger } from '@/server/config/logger';
import { createContextFromHeaders } from '@/server/trpc/context';
import { INTERNAL_MESSAGE, messageRefOf, toTRPCError } from '@/server/trpc/error-mapping';
import type { TRPCContext } from '@/server/trpc/init';
import type { SignedInContext } from '@/server/context';
import { contentDisposition } from '@/server/files/file-name';
import { jsonError } from './limited-body';

/**
 * For binary routes (uploads, downloads), which are not tRPC: the same context, the same
 * sign-in check and the same error mapping, answered as JSON with a message key (see jsonError).
 */
export async function withSignedIn(req: Request, handle: (ctx: TRPCContext & SignedInContext) => Promise<Response>): Promise<Response> {
  try {
    const ctx = await createContextFromHeaders(req.headers);
    if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
    return await handle({ ...ctx, actor: ctx.actor });
  } catch (error) {
    const mapped = toTRPCError(error);
    if (mapped.code === 'INTERNAL_SERVER_ERROR') logger().error({ err: error, url: req.url }, 'route failed');
    return errorResponse(mapped);
  }
}

/** A tRPC error as a route handler's JSON answer: its status and code, its message key and parameters, its English text (never an internal one). */
export function errorResponse(error: TRPCError): Response {
  const message = error.code === 'INTERNAL_SERVER_ERROR' ? INTERNAL_MESSAGE : error.message;
  return jsonError(getHTTPStatusCodeFromError(error), error.code, message, messageRefOf(error));
}

/** A signed PDF as a download that no cache or other site keeps. */
export function pdfDownload(bytes: Uint8Array, fileName: string): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': contentDisposition('attachment', fileName),
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'referrer-policy': 'no-referrer',
    },
  });
}
