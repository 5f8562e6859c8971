import { initTRPC, TRPCError } from '@trpc/server';
import type { FileStorage } from '@/server/storage/file-storage';
import type { WidgetVerbContext } from '@/server/widget/widget-context';
import { mapDomainErrors, trpcOptions } from './init';

/**
 * The widget's own tRPC instance (`/api/widget/trpc`): the same transformer and error shape as the
 * staff API (init.ts), but its own context — a visitor from the bearer token, never a staff actor —
 * so no widget procedure can be mounted on the staff router by mistake, and the other way round.
 */
export interface WidgetTRPCContext extends WidgetVerbContext {
  storage: FileStorage;
  appUrl: string;
  userAgent: string;
  /** Set by the HTTP layer that streams the feed: called once the feed listens. */
  onFeedListening?: () => void;
}

const tw = initTRPC.context<WidgetTRPCContext>().create(trpcOptions);

export const widgetRouterOf = tw.router;
export const createWidgetCallerFactory = tw.createCallerFactory;

const errorBoundary = tw.middleware(async ({ next }) => mapDomainErrors(await next()));

/** Anyone with the widget: the status, starting a session. */
export const publicWidgetProcedure = tw.procedure.use(errorBoundary);

/** A widget session is required (a guest's or a proven visitor's). */
export const visitorProcedure = publicWidgetProcedure.use(({ ctx, next }) => {
  if (!ctx.widgetSession) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'The widget session has ended. Start a new one.' });
  return next({ ctx: { ...ctx, widgetSession: ctx.widgetSession } });
});
