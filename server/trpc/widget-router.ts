import { tracked, TRPCError } from '@trpc/server';
import { feedStream } from '@/server/realtime/events';
import { feedEventOf } from '@/server/realtime/feed-event';
import { streamEvents } from '@/server/realtime/stream-events';
import { currentChat } from '@/server/widget/current-chat';
import { emailTranscript } from '@/server/widget/email-transcript';
import { endSession } from '@/server/widget/end-session';
import { getSession } from '@/server/widget/get-session';
import { getWidgetStatus } from '@/server/widget/get-widget-status';
import { leaveChat } from '@/server/widget/leave-chat';
import { markVisitorRead } from '@/server/widget/mark-visitor-read';
import { rateWidgetChat } from '@/server/widget/rate-widget-chat';
import { requestCode } from '@/server/widget/request-code';
import {
  codeRequestedDto,
  currentChatDto,
  currentChatInput,
  nothing,
  portalTokenInput,
  requestCodeInput,
  sessionDto,
  sessionStartedDto,
  startSessionInput,
  transcriptInput,
  verifyCodeInput,
  visitorDto,
  widgetChatIdInput,
  widgetChatStartedDto,
  widgetFeedInput,
  widgetMarkReadInput,
  widgetMessageDto,
  widgetRateInput,
  widgetSendInput,
  widgetStartChatInput,
  widgetStatusDto,
} from '@/server/widget/schemas';
import { sendVisitorMessage } from '@/server/widget/send-visitor-message';
import { sessionFromPortal } from '@/server/widget/session-from-portal';
import { signalVisitorTyping } from '@/server/widget/signal-visitor-typing';
import { startSession } from '@/server/widget/start-session';
import { startWidgetChat } from '@/server/widget/start-widget-chat';
import { verifyCode } from '@/server/widget/verify-code';
import { watchWidgetSession } from '@/server/widget/watch-widget-session';
import { createWidgetCallerFactory, publicWidgetProcedure, visitorProcedure, widgetRouterOf } from './widget-init';

const sessionEnded = () => new TRPCError({ code: 'UNAUTHORIZED', message: 'The widget session has ended. Start a new one.' });

/**
 * The subscriber widget's API, served at `/api/widget/trpc` (never part of appRouter): a visitor
 * from the bearer token, the staff cookie never read. Thin: each procedure calls one verb of
 * server/widget. The contract is documented in docs/widget.md ("Server").
 */
export const widgetRouter = widgetRouterOf({
  /** Open or not, next opening, the expected wait of a subscriber's chat now. */
  status: publicWidgetProcedure.output(widgetStatusDto).query(({ ctx }) => getWidgetStatus({ ctx })),
  session: widgetRouterOf({
    /** A new guest and its bearer token (shown only here). */
    start: publicWidgetProcedure
      .input(startSessionInput)
      .output(sessionStartedDto)
      .mutation(({ ctx, input }) => startSession({ ctx, input })),
    /** Who the session is (guest or proven) and until when it lasts. */
    me: visitorProcedure.output(sessionDto).query(({ ctx }) => getSession({ ctx })),
    /** The self-service portal's signed token proves the number (no code). */
    fromPortal: visitorProcedure
      .input(portalTokenInput)
      .output(visitorDto)
      .mutation(({ ctx, input }) => sessionFromPortal({ ctx, input })),
    /** Ends the session (the token stops working; its feed ends). */
    end: visitorProcedure.output(nothing).mutation(({ ctx }) => endSession({ ctx })),
  }),
  code: widgetRouterOf({
    request: visitorProcedure
      .input(requestCodeInput)
      .output(codeRequestedDto)
      .mutation(({ ctx, input }) => requestCode({ ctx, input })),
    verify: visitorProcedure
      .input(verifyCodeInput)
      .output(visitorDto)
      .mutation(({ ctx, input }) => verifyCode({ ctx, input })),
  }),
  chat: widgetRouterOf({
    start: visitorProcedure
      .input(widgetStartChatInput)
      .output(widgetChatStartedDto)
      .mutation(({ ctx, input }) => startWidgetChat({ ctx, input })),
    current: visitorProcedure
      .input(currentChatInput)
      .output(currentChatDto)
      .query(({ ctx, input }) => currentChat({ ctx, input })),
    send: visitorProcedure
      .input(widgetSendInput)
      .output(widgetMessageDto)
      .mutation(({ ctx, input }) => sendVisitorMessage({ ctx, input })),
    typing: visitorProcedure
      .input(widgetChatIdInput)
      .output(nothing)
      .mutation(({ ctx, input }) => signalVisitorTyping({ ctx, input })),
    markRead: visitorProcedure
      .input(widgetMarkReadInput)
      .output(nothing)
      .mutation(({ ctx, input }) => markVisitorRead({ ctx, input })),
    rate: visitorProcedure
      .input(widgetRateInput)
      .output(nothing)
      .mutation(({ ctx, input }) => rateWidgetChat({ ctx, input })),
    transcript: visitorProcedure
      .input(transcriptInput)
      .output(nothing)
      .mutation(({ ctx, input }) => emailTranscript({ ctx, input })),
    leave: visitorProcedure
      .input(widgetChatIdInput)
      .output(nothing)
      .mutation(({ ctx, input }) => leaveChat({ ctx, input })),
  }),
  /**
   * The visitor's live events (their chats' messages, status, typing, queue place), resumable
   * from the last id; ends with UNAUTHORIZED when the widget session expires or is ended.
   */
  feed: visitorProcedure
    .input(widgetFeedInput)
    .output(feedStream)
    .subscription(async function* ({ ctx, input, signal }) {
      const lastEventId = input?.lastEventId ? Number(input.lastEventId) : null;
      const watch = watchWidgetSession({ db: ctx.db, clock: ctx.clock, session: ctx.widgetSession });
      try {
        const until = signal ? AbortSignal.any([signal, watch.ended]) : watch.ended;
        for await (const { resumeId, event } of streamEvents({
          db: ctx.db,
          bus: ctx.bus,
          receiver: { visitorId: ctx.widgetSession.visitor.id },
          lastEventId,
          signal: until,
          allowed: watch.stillValid,
          onListening: ctx.onFeedListening,
        })) {
          yield tracked(String(resumeId), feedEventOf(event));
        }
      } finally {
        watch.stop();
      }
      if (watch.ended.aborted) throw sessionEnded();
    }),
});

export type WidgetRouter = typeof widgetRouter;
export const createWidgetCaller = createWidgetCallerFactory(widgetRouter);
