import { initTRPC, TRPCError, type TRPCDefaultErrorShape } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Role } from '@/db/schema';
import type { SessionRef } from '@/server/auth/session-watch';
import type { VerbContext } from '@/server/context';
import type { FileStorage } from '@/server/storage/file-storage';
import { fieldErrorsOf, INTERNAL_MESSAGE, messageRefOf, summarize, toTRPCError } from './error-mapping';

export interface TRPCContext extends VerbContext {
  storage: FileStorage;
  /** The app's public address (APP_URL, or the host the request came to): QR links point here. */
  appUrl: string;
  ip: string;
  userAgent: string;
  /** The session behind `actor`, for what outlives the request (the realtime feed re-checks it); absent outside HTTP. */
  session?: SessionRef | null;
  /** Set by the HTTP layer that streams the realtime feed: called once the feed listens (server/http/feed-stream.ts). */
  onFeedListening?: () => void;
}

/** The options every tRPC instance of the app is made with (the staff API here, the widget's in widget-init.ts): one transformer, one error shape. */
export const trpcOptions = {
  transformer: superjson,
  sse: { ping: { enabled: true, intervalMs: 5000 } },
  errorFormatter({ shape, error }: { shape: TRPCDefaultErrorShape; error: TRPCError }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    const fieldErrors = zod ? fieldErrorsOf(zod) : null;
    // Internal failures (also those outside procedures, e.g. in createContext) never show their text.
    const internal = shape.data.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: zod ? summarize(zod) : internal ? INTERNAL_MESSAGE : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        // A message key and its parameters: the UI says it in its language (app/_components/error-text.ts).
        ...messageRefOf(error),
        fieldErrors,
      },
    };
  },
};

const t = initTRPC.context<TRPCContext>().create(trpcOptions);

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors become tRPC errors here (unknown ones are logged by the HTTP handler's onError). */
export async function mapDomainErrors<R extends { ok: boolean; error?: TRPCError }>(result: R): Promise<R> {
  if (!result.ok && result.error) {
    const mapped = toTRPCError(result.error.cause ?? result.error);
    if (mapped !== result.error && mapped.code !== 'INTERNAL_SERVER_ERROR') throw mapped;
  }
  return result;
}
const errorBoundary = t.middleware(async ({ next }) => mapDomainErrors(await next()));

export const publicProcedure = t.procedure.use(errorBoundary);

export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** Role belongs to the procedure; ownership is checked by the verb. */
export function roleProcedure(...roles: Role[]) {
  return signedInProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Your role may not do this.' });
    }
    return next();
  });
}
