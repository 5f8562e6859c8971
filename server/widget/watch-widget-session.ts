import type { DbOrTx } from '@/db/client';
import { logger } from '@/server/config/logger';
import type { Clock } from '@/server/context';
import { widgetSessionState } from './visitor-session';
import type { WidgetSession } from './widget-context';

/** How often an open widget feed re-reads its session: the bound for an ended or re-owned session. */
export const WIDGET_SESSION_RECHECK_MS = 3_000;

export interface WidgetSessionWatch {
  /** Aborted when the session has ended (expired, ended) or now belongs to another visitor (a number was proven). */
  readonly ended: AbortSignal;
  /** Whether the session is still good; cheap (no query), checked before each event. */
  stillValid(): boolean;
  stop(): void;
}

/**
 * Watches the widget session behind a feed, as server/auth/session-watch.ts does for staff: the
 * row is re-read every `recheckMs`; expiry is checked before each event without a query. When a
 * number is proven the session moves to that visitor: the feed ends, and the widget reconnects
 * as the visitor it now is.
 */
export function watchWidgetSession({ db, clock, session, recheckMs = WIDGET_SESSION_RECHECK_MS }: { db: DbOrTx; clock: Clock; session: WidgetSession; recheckMs?: number }): WidgetSessionWatch {
  const controller = new AbortController();
  let expiresAt = session.expiresAt;
  const end = () => {
    stop();
    controller.abort();
  };
  const recheck = async () => {
    if (controller.signal.aborted) return;
    const current = await widgetSessionState(db, session.id, clock.now());
    if (controller.signal.aborted) return;
    if (!current || current.visitorId !== session.visitor.id) end();
    else expiresAt = current.expiresAt;
  };
  const timer = setInterval(() => void recheck().catch((error: unknown) => logger().error({ err: error }, 'widget session re-check failed')), recheckMs);
  timer.unref?.();
  function stop() {
    clearInterval(timer);
  }
  return {
    ended: controller.signal,
    stillValid() {
      if (!controller.signal.aborted && clock.now() >= expiresAt) end();
      return !controller.signal.aborted;
    },
    stop,
  };
}
