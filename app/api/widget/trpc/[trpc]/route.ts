import { trpcRouteHandler } from '@/server/http/trpc-route';
import { createWidgetRequestContext } from '@/server/trpc/widget-context';
import { widgetRouter } from '@/server/trpc/widget-router';

export const dynamic = 'force-dynamic';

/** The subscriber widget's API (server/trpc/widget-router.ts): bearer token, never the staff cookie. */
const handler = trpcRouteHandler({
  endpoint: '/api/widget/trpc',
  router: widgetRouter,
  createContext: (req, { info }) => createWidgetRequestContext(req, info.connectionParams),
  label: 'widget tRPC',
});

export { handler as GET, handler as POST };
