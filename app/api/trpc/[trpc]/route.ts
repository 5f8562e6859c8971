import { trpcRouteHandler } from '@/server/http/trpc-route';
import { createRequestContext } from '@/server/trpc/context';
import { appRouter } from '@/server/trpc/root';

export const dynamic = 'force-dynamic';

const handler = trpcRouteHandler({ endpoint: '/api/trpc', router: appRouter, createContext: (req) => createRequestContext(req), label: 'tRPC' });

export { handler as GET, handler as POST };
