import { tracked } from '@trpc/server';
import { feedInput } from '@/server/chat/schemas';
import { streamEvents } from '@/server/realtime/stream-events';
import { roleProcedure, router } from '../init';

export const realtimeRouter = router({
  /**
   * One stream per page (browsers allow few connections per host): everything the user may
   * receive. Each event carries an id; a reconnecting client sends the last one and gets exactly
   * the events it missed.
   */
  feed: roleProcedure('dealer', 'operator', 'admin')
    .input(feedInput)
    .subscription(async function* ({ ctx, input, signal }) {
      const lastEventId = input?.lastEventId ? Number(input.lastEventId) : null;
      for await (const { resumeId, event } of streamEvents({ db: ctx.db, bus: ctx.bus, actor: ctx.actor, lastEventId, signal })) {
        yield tracked(String(resumeId), { id: event.id, type: event.type, chatId: event.chatId, payload: event.payload });
      }
    }),
});
