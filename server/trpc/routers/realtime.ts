import { tracked, TRPCError } from '@trpc/server';
import { watchSession } from '@/server/auth/session-watch';
import { feedInput } from '@/server/chat/schemas';
import { feedStream } from '@/server/realtime/events';
import { feedEventOf } from '@/server/realtime/feed-event';
import { streamEvents } from '@/server/realtime/stream-events';
import { roleProcedure, router } from '../init';

const sessionEnded = () => new TRPCError({ code: 'UNAUTHORIZED', message: 'Your session has ended. Sign in to continue.' });

export const realtimeRouter = router({
  /**
   * One stream per page (browsers allow few connections per host): everything the user may
   * receive. Each event carries an id; a reconnecting client sends the last one and gets exactly
   * the events it missed. The stream lives no longer than its session: sign-out, deactivation,
   * a changed role or company, or expiry end it with UNAUTHORIZED (server/auth/session-watch.ts).
   */
  feed: roleProcedure('dealer', 'operator', 'admin')
    .use(({ ctx, next }) => {
      if (!ctx.session) throw sessionEnded();
      return next({ ctx: { session: ctx.session } });
    })
    .input(feedInput)
    .output(feedStream)
    .subscription(async function* ({ ctx, input, signal }) {
      const lastEventId = input?.lastEventId ? Number(input.lastEventId) : null;
      const watch = await watchSession({ db: ctx.db, clock: ctx.clock, actor: ctx.actor, session: ctx.session });
      try {
        const until = signal ? AbortSignal.any([signal, watch.ended]) : watch.ended;
        for await (const { resumeId, event } of streamEvents({ db: ctx.db, bus: ctx.bus, actor: ctx.actor, lastEventId, signal: until, allowed: watch.stillValid, onListening: ctx.onFeedListening })) {
          yield tracked(String(resumeId), feedEventOf(event));
        }
      } finally {
        watch.stop();
      }
      if (watch.ended.aborted) throw sessionEnded();
    }),
});
