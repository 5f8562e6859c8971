import { eq } from 'drizzle-orm';
import { inTransaction } from '@/db/client';
import { visitorSessions } from '@/db/schema';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { announceSessionChange } from '@/server/auth/session-signals';
import type { VisitorContext } from './widget-context';
import { visitorAuditActor } from './widget-chat-access';

/**
 * Ends the widget session ("forget me on this device"): it expires now, so the token no longer
 * works and its open feeds in this process end at once (the signal; other processes' at their
 * next re-check: server/widget/watch-widget-session.ts). (The row stays: codes asked refer to it.)
 */
export async function endSession({ ctx }: { ctx: VisitorContext }): Promise<void> {
  const now = ctx.clock.now();
  const { visitor } = ctx.widgetSession;
  await inTransaction(ctx.db, async (tx) => {
    await tx.update(visitorSessions).set({ expiresAt: now }).where(eq(visitorSessions.id, ctx.widgetSession.id));
    await writeAuditEvent(tx, { at: now, ...visitorAuditActor(visitor), action: 'visitor.end', entityType: 'visitor', entityId: visitor.id, data: { sessionId: ctx.widgetSession.id } });
  });
  announceSessionChange({ widgetSessionId: ctx.widgetSession.id });
}
