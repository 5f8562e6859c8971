import type { DbOrTx } from '@/db/client';
import { watchUntilEnded, type SessionWatch } from '@/server/auth/session-watch';
import type { Clock } from '@/server/context';
import { widgetSessionState } from './visitor-session';
import type { WidgetSession } from './widget-context';

/**
 * How often an open widget feed re-reads its session without being told to: the bound for a
 * session ended or re-owned through ANOTHER app process (PostgreSQL with several processes). In
 * this process, session.end and a proven number signal the feed at once (session-signals.ts), and
 * the expiry is a timer, so an idle feed costs no query in between.
 */
export const WIDGET_SESSION_RECHECK_MS = 60_000;

export type WidgetSessionWatch = SessionWatch;

/**
 * Watches the widget session behind a feed, as server/auth/session-watch.ts does for staff (the
 * same watch): it ends when the session expires, is ended, or now belongs to another visitor (a
 * number was proven: the widget reconnects as the visitor it now is).
 */
export function watchWidgetSession({ db, clock, session, recheckMs = WIDGET_SESSION_RECHECK_MS }: { db: DbOrTx; clock: Clock; session: WidgetSession; recheckMs?: number }): WidgetSessionWatch {
  return watchUntilEnded({
    clock,
    expiresAt: session.expiresAt,
    recheckMs,
    label: 'widget session',
    recheck: async () => {
      const current = await widgetSessionState(db, session.id, clock.now());
      return current && current.visitorId === session.visitor.id ? { expiresAt: current.expiresAt } : null;
    },
    concerns: (change) => 'widgetSessionId' in change && change.widgetSessionId === session.id,
  });
}
