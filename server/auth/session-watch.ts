import type { DbOrTx } from '@/db/client';
import { logger } from '@/server/config/logger';
import type { Actor, Clock } from '@/server/context';
import { loadSessionActor } from './load-actor';
import { onSessionChange } from './session-signals';

/** The session a request came with: enough to re-check it later. */
export interface SessionRef {
  token: string;
  expiresAt: Date;
}

/** How often an open stream re-reads its session: the bound for changes made by another process. */
export const SESSION_RECHECK_MS = 3_000;

export interface SessionWatch {
  /** Aborted when the session has ended (signed out, deleted, expired, user deactivated or changed). */
  readonly ended: AbortSignal;
  /** Whether the session is still good; cheap (no query), for the check before each event. */
  stillValid(): boolean;
  stop(): void;
}

/**
 * Watches the session behind a long-lived stream. The session row is re-read (one indexed query)
 * when this process signals a sign-out or a user change (session-signals.ts) and every
 * SESSION_RECHECK_MS, so an idle stream ends too; expiry is checked before each event without a
 * query. The session ends when its row is gone or expired, the user is inactive, or the role,
 * dealer company or point of sale differ from the actor the stream was opened for.
 */
export function watchSession({ db, clock, actor, session, recheckMs = SESSION_RECHECK_MS }: { db: DbOrTx; clock: Clock; actor: Actor; session: SessionRef; recheckMs?: number }): SessionWatch {
  const controller = new AbortController();
  let expiresAt = session.expiresAt;

  const end = () => {
    stop();
    controller.abort();
  };
  const recheck = async () => {
    if (controller.signal.aborted) return;
    const current = await loadSessionActor(db, session.token, clock.now());
    if (controller.signal.aborted) return;
    if (!current || !sameAccess(current.actor, actor)) end();
    else expiresAt = current.expiresAt; // better-auth renews sessions in use
  };
  // A failed read (the database briefly unreachable) is tried again at the next tick.
  const recheckLogged = () => void recheck().catch((error: unknown) => logger().error({ err: error }, 'session re-check failed'));
  const timer = setInterval(recheckLogged, recheckMs);
  timer.unref?.();
  const unlisten = onSessionChange((change) => {
    if (('token' in change && change.token === session.token) || ('userId' in change && change.userId === actor.id)) recheckLogged();
  });
  function stop() {
    clearInterval(timer);
    unlisten();
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

function sameAccess(a: Actor, b: Actor): boolean {
  return a.id === b.id && a.role === b.role && a.dealerId === b.dealerId && a.pointOfSaleId === b.pointOfSaleId;
}
