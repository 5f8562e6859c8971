import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { logger } from '@/server/config/logger';
import { batchTooLarge } from '@/server/http/batch-limit';
import { BodyTooLargeError, tooLargeResponse, withLimitedBody } from '@/server/http/limited-body';
import { createWidgetRequestContext } from '@/server/trpc/widget-context';
import { widgetRouter } from '@/server/trpc/widget-router';

/** The subscriber widget's API (server/trpc/widget-router.ts): bearer token, never the staff cookie. */
const ENDPOINT = '/api/widget/trpc';

export const dynamic = 'force-dynamic';

async function handler(original: Request): Promise<Response> {
  const refused = batchTooLarge(original.url, ENDPOINT);
  if (refused) return refused;
  let req: Request;
  try {
    req = await withLimitedBody(original);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return tooLargeResponse(error.limit);
    throw error;
  }
  return fetchRequestHandler({
    endpoint: ENDPOINT,
    req,
    router: widgetRouter,
    createContext: ({ info }) => createWidgetRequestContext(req, info.connectionParams),
    onError: ({ error, path, type }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') logger().error({ err: error.cause ?? error, path, type }, 'widget tRPC request failed');
    },
  });
}

export { handler as GET, handler as POST };
