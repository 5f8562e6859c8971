import type { z } from 'zod';
import { inTransaction } from '@/db/client';
import { visitors, visitorSessions } from '@/db/schema';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { env } from '@/server/config/env';
import { invalid } from '@/server/errors/domain-error';
import type { WidgetVerbContext } from './widget-context';
import type { sessionStartedDto, startSessionInput } from './schemas';
import { visitorDtoOf } from './visitor-dto';
import { hashWidgetToken, newWidgetToken, WIDGET_SESSION_MS } from './visitor-session';
import { visitorAuditActor } from './widget-chat-access';

/**
 * A new guest and their widget session. The token is returned once and stored only as its hash.
 * The embedding page's origin, when given, must be one of WIDGET_ORIGINS (when they are set).
 */
export async function startSession({ ctx, input }: { ctx: WidgetVerbContext; input: z.output<typeof startSessionInput> }): Promise<z.output<typeof sessionStartedDto>> {
  const origin = input.origin ? new URL(input.origin).origin.toLowerCase() : null;
  const allowed = env().WIDGET_ORIGINS;
  if (origin && allowed.length > 0 && !allowed.includes(origin)) {
    throw invalid('errors.widgetOriginNotAllowed', `The widget is not allowed on ${origin}`, { origin });
  }
  const token = newWidgetToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + WIDGET_SESSION_MS);
  const visitor = await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.insert(visitors).values({ locale: input.locale, createdAt: now }).returning();
    if (!row) throw new Error('the visitor insert returned no row');
    const [session] = await tx.insert(visitorSessions).values({ tokenHash: hashWidgetToken(token), visitorId: row.id, origin, expiresAt, createdAt: now }).returning({ id: visitorSessions.id });
    if (!session) throw new Error('the session insert returned no row');
    await writeAuditEvent(tx, { at: now, ...visitorAuditActor(row), action: 'visitor.start', entityType: 'visitor', entityId: row.id, data: { sessionId: session.id, origin, ip: ctx.ip } });
    return row;
  });
  return { token, expiresAt, visitor: visitorDtoOf(visitor) };
}
