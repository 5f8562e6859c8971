import type { z } from 'zod';
import type { Tx } from '@/db/client';
import { chats } from '@/db/schema';
import type { AuditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import { chatAudience } from '@/server/chat/chat-access';
import { routeWaitingChats, routingTransaction } from '@/server/chat/route-waiting-chats';
import type { VerbContext } from '@/server/context';
import type { Emitter } from '@/server/realtime/change-and-publish';
import { routingContext } from '@/server/chat/routing-context';
import { conflict } from '@/server/errors/domain-error';
import { isOpen, nextOpening } from '@/server/time/business-hours';
import type { widgetChatStartedDto, widgetStartChatInput } from './schemas';
import { widgetCalendar } from './widget-calendar';
import { openChatOf, visitorAuditActor } from './widget-chat-access';
import type { VisitorContext } from './widget-context';

/**
 * The visitor asks for an operator: a subscriber's chat joins the same queue as dealers' and is
 * offered at once if anyone is free. One open chat per visitor: while one is open it is returned.
 * Outside business hours it is refused (`errors.widgetClosed`, with the next opening).
 */
export async function startWidgetChat({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof widgetStartChatInput> }): Promise<z.output<typeof widgetChatStartedDto>> {
  const { visitor } = ctx.widgetSession;
  return routingTransaction(ctx, async (tx, emitter) => {
    const now = ctx.clock.now();
    // Under the routing lock: two starts at once cannot both find no open chat.
    const open = await openChatOf(tx, visitor.id);
    if (open) return { chatId: open.id, created: false };
    const calendar = widgetCalendar();
    if (!isOpen(calendar, now)) {
      const next = nextOpening(calendar, now);
      throw conflict('errors.widgetClosed', `The chat is closed now${next ? `; it opens at ${next.toISOString()}` : ''}`, { opensAt: next?.toISOString() ?? '' });
    }
    const chatId = await queueSubscriberChat(tx, emitter, ctx, { visitorId: visitor.id, topic: input.topic || null, actor: visitorAuditActor(visitor) });
    return { chatId, created: true };
  });
}

/**
 * A subscriber's chat joins the queue, inside a routingTransaction: its row, its audit event,
 * `chat.created` for the operators, then routing (offered at once if anyone is free). The
 * widget's start verb ends with it, and so does the simulator's subscriber (simulation/).
 */
export async function queueSubscriberChat(
  tx: Tx,
  emitter: Emitter,
  ctx: VerbContext,
  input: { visitorId: string; topic: string | null; actor: AuditActor },
): Promise<string> {
  const now = ctx.clock.now();
  const [chat] = await tx.insert(chats).values({ class: 'subscriber', visitorId: input.visitorId, topic: input.topic, createdAt: now }).returning();
  if (!chat) throw new Error('the chat insert returned no row');
  await writeAuditEvent(tx, { at: now, ...input.actor, action: 'chat.start', entityType: 'chat', entityId: chat.id, data: { topic: chat.topic, class: 'subscriber' } });
  await emitter.emit({ type: 'chat.created', ...chatAudience(chat, { allOperators: true }), payload: { chatId: chat.id } });
  await routeWaitingChats(tx, emitter, routingContext(ctx));
  return chat.id;
}
