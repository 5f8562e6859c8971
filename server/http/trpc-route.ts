import { fetchRequestHandler, type FetchCreateContextFnOptions } from '@trpc/server/adapters/fetch';
import type { AnyRouter, inferRouterContext } from '@trpc/server';
import { logger } from '@/server/config/logger';
import { batchTooLarge } from './batch-limit';
import { BodyTooLargeError, tooLargeResponse, withLimitedBody } from './limited-body';

/**
 * The route handler of a tRPC endpoint: the batch and body limits first, then the router, with
 * internal failures logged (their text never leaves: server/trpc/init.ts). The staff API and the
 * widget's API are two endpoints of this one handler, each with its router and its context.
 */
export function trpcRouteHandler<TRouter extends AnyRouter>(config: {
  endpoint: string;
  router: TRouter;
  createContext: (req: Request, options: FetchCreateContextFnOptions) => Promise<inferRouterContext<TRouter>>;
  label: string;
}): (original: Request) => Promise<Response> {
  return async (original) => {
    const refused = batchTooLarge(original.url, config.endpoint);
    if (refused) return refused;
    let req: Request;
    try {
      req = await withLimitedBody(original);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return tooLargeResponse(error.limit);
      throw error;
    }
    return fetchRequestHandler({
      endpoint: config.endpoint,
      req,
      router: config.router,
      createContext: (options) => config.createContext(req, options),
      onError: ({ error, path, type }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') logger().error({ err: error.cause ?? error, path, type }, `${config.label} request failed`);
      },
    });
  };
}
