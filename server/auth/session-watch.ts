import type { DbOrTx } from '@/db/client';
import { logger } from '@/server/config/logger';
import type { Actor, Clock } from '@/server/context';
import { loadSessionActor } from './load-actor';
import { onSessionChange, type SessionChange } from './session-signals';

/** The session a request came with: enough to re-check it later. */
export interface SessionRef {
  token: string;
  expiresAt: Date;
}

/** How often an open stream re-reads its session: the bound for changes made by another process. */
export const SESSION_RECHECK_MS = 3_000;
/** setTimeout's longest delay; a later expiry is timed in steps of it. */
const MAX_TIMER_MS = 2_147_483_647;

export interface SessionWatch {
  /** Aborted when the session has ended (signed out, deleted, expired, user deactivated or changed). */
  readonly ended: AbortSignal;
  /** Whether the session is still good; cheap (no query), for the check before each event. */
  stillValid(): boolean;
  stop(): void;
}

/**
 * The watch behind every long-lived stream, staff or widget: `recheck` re-reads the session (its
 * new expiry, or null when it has ended) when this process signals a change that `concerns` it
 * (session-signals.ts), every `recheckMs` (the bound for changes made by another process) and when
 * its expiry comes (a timer); before each event the expiry is checked without a query. A failed
 * read (the database briefly unreachable) is tried again at the next tick.
 */
export function watchUntilEnded({
  clock,
  expiresAt: initialExpiry,
  recheck: read,
  concerns,
  recheckMs,
  label,
}: {
  clock: Clock;
  expiresAt: Date;
  recheck: () => Promise<{ expiresAt: Date } | null>;
  concerns: (change: SessionChange) => boolean;
  recheckMs: number;
  label: string;
}): SessionWatch {
  const controller = new AbortController();
  let expiresAt = initialExpiry;
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;

  const end = () => {
    stop();
    controller.abort();
  };
  const expired = () => {
    if (!controller.signal.aborted && clock.now() >= expiresAt) end();
    return controller.signal.aborted;
  };
  // At the expiry the session is read once more (it may have been renewed since the last read).
  const timeExpiry = () => {
    clearTimeout(expiryTimer);
    if (controller.signal.aborted) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(10, expiresAt.getTime() - clock.now().getTime() + 1));
    expiryTimer = setTimeout(() => (clock.now() >= expiresAt ? recheckLogged() : timeExpiry()), delay);
    expiryTimer.unref?.();
  };
  const recheck = async () => {
    if (controller.signal.aborted) return;
    const current = await read();
    if (controller.signal.aborted) return;
    if (!current) return end();
    expiresAt = current.expiresAt; // a session in use may be renewed
    timeExpiry();
  };
  const recheckLogged = () => void recheck().catch((error: unknown) => logger().error({ err: error }, `${label} re-check failed`));
  const timer = setInterval(recheckLogged, recheckMs);
  timer.unref?.();
  const unlisten = onSessionChange((change) => {
    if (concerns(change)) recheckLogged();
  });
  function stop() {
    clearInterval(timer);
    clearTimeout(expiryTimer);
    unlisten();
  }
  timeExpiry();

  return {
    ended: controller.signal,
    stillValid: () => !expired(),
    stop,
  };
}

/**
 * Watches the staff session behind a long-lived stream: re-read (one indexed query) on a sign-out
 * or user change signalled in this process and every SESSION_RECHECK_MS. The session ends when its
 * row is gone or expired, the user is inactive, or the role, dealer company or point of sale differ
 * from the actor the stream was opened for.
 */
export function watchSession({ db, clock, actor, session, recheckMs = SESSION_RECHECK_MS }: { db: DbOrTx; clock: Clock; actor: Actor; session: SessionRef; recheckMs?: number }): SessionWatch {
  return watchUntilEnded({
    clock,
    expiresAt: session.expiresAt,
    recheckMs,
    label: 'session',
    recheck: async () => {
      const current = await loadSessionActor(db, session.token, clock.now());
      return current && sameAccess(current.actor, actor) ? { expiresAt: current.expiresAt } : null;
    },
    concerns: (change) => ('token' in change && change.token === session.token) || ('userId' in change && change.userId === actor.id),
  });
}

function sameAccess(a: Actor, b: Actor): boolean {
  return a.id === b.id && a.role === b.role && a.dealerId === b.dealerId && a.pointOfSaleId === b.pointOfSaleId;
}
