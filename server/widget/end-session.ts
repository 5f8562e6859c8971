import { eq } from 'drizzle-orm';
import { inTransaction } from '@/db/client';
import { visitorSessions } from '@/db/schema';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { VisitorContext } from './widget-context';
import { visitorAuditActor } from './widget-chat-access';

/**
 * Ends the widget session ("forget me on this device"): it expires now, so the token no longer
 * works and its open feed ends at its next re-check. (The row stays: codes asked refer to it.)
 */
export async function endSession({ ctx }: { ctx: VisitorContext }): Promise<void> {
  const now = ctx.clock.now();
  const { visitor } = ctx.widgetSession;
  await inTransaction(ctx.db, async (tx) => {
    await tx.update(visitorSessions).set({ expiresAt: now }).where(eq(visitorSessions.id, ctx.widgetSession.id));
    await writeAuditEvent(tx, { at: now, ...visitorAuditActor(visitor), action: 'visitor.end', entityType: 'visitor', entityId: visitor.id, data: { sessionId: ctx.widgetSession.id } });
  });
}
