import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { logger } from '@/server/config/logger';
import { createRequestContext } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';
import { BodyTooLargeError, tooLargeResponse, withLimitedBody } from '@/server/http/limited-body';
import { batchTooLarge } from '@/server/http/batch-limit';

const ENDPOINT = '/api/trpc';

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
    router: appRouter,
    createContext: () => createRequestContext(req),
    onError: ({ error, path, type }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') logger().error({ err: error.cause ?? error, path, type }, 'tRPC request failed');
    },
  });
}

export { handler as GET, handler as POST };
