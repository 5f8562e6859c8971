import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from '@/server/config/logger';
import { jsonError } from './limited-body';
import { sendFetchResponse, toFetchRequest } from './node-fetch-bridge';

type RouteHandler = (req: Request, context: { params: Promise<Record<string, string | string[]>> }) => Response | Promise<Response>;
export type RouteModule = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', RouteHandler>>;

interface CompiledRoute {
  pattern: RegExp;
  names: { name: string; catchAll: boolean }[];
  module: RouteModule;
  /** Static segments first, as Next.js matches them. */
  rank: number[];
}

/**
 * `/api/chats/[chatId]/attachments` → a matcher with its parameters, `[...all]` catching the rest:
 * the same route modules Next.js would run, without its per-request pipeline.
 */
export function compileRoutes(routes: { path: string; module: RouteModule }[]): CompiledRoute[] {
  return routes
    .map(({ path, module }) => {
      const names: CompiledRoute['names'] = [];
      const rank: number[] = [];
      const source = path
        .split('/')
        .filter(Boolean)
        .map((segment) => {
          const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
          if (catchAll?.[1]) {
            names.push({ name: catchAll[1], catchAll: true });
            rank.push(2);
            return '(.+)';
          }
          const param = /^\[(\w+)\]$/.exec(segment);
          if (param?.[1]) {
            names.push({ name: param[1], catchAll: false });
            rank.push(1);
            return '([^/]+)';
          }
          rank.push(0);
          return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('/');
      return { pattern: new RegExp(`^/${source}/?$`), names, module, rank };
    })
    .sort((a, b) => {
      for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i += 1) {
        const diff = (a.rank[i] ?? -1) - (b.rank[i] ?? -1);
        if (diff !== 0) return diff;
      }
      return 0;
    });
}

/** Answers one API request from the route table; false when no route matches the path. */
export async function serveApi(routes: CompiledRoute[], req: IncomingMessage, res: ServerResponse, base: string): Promise<boolean> {
  const pathname = (req.url ?? '/').split('?', 1)[0] ?? '/';
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const method = (req.method ?? 'GET').toUpperCase();
    const handler = method === 'HEAD' ? route.module.GET : route.module[method as keyof RouteModule];
    if (!handler) {
      await sendFetchResponse(res, jsonError(405, 'METHOD_NOT_SUPPORTED', `${method} is not supported here.`, { messageKey: 'errors.methodNotSupported', params: { method } }));
      return true;
    }
    const params: Record<string, string | string[]> = {};
    route.names.forEach(({ name, catchAll }, i) => {
      const raw = match[i + 1] ?? '';
      params[name] = catchAll ? raw.split('/').map(decodeURIComponent) : decodeURIComponent(raw);
    });
    try {
      await sendFetchResponse(res, await handler(await toFetchRequest(req, res, base), { params: Promise.resolve(params) }));
    } catch (error) {
      logger().error({ err: error, url: req.url }, 'API route failed');
      if (!res.headersSent) await sendFetchResponse(res, jsonError(500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on our side. Please try again.', { messageKey: 'errors.INTERNAL_SERVER_ERROR' }));
      else res.destroy();
    }
    return true;
  }
  return false;
}
