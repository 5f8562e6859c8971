import type { z } from 'zod';
import { chatAudience } from '@/server/chat/chat-access';
import { VISITOR_ROLE, visitorDisplayName } from '@/server/chat/visitor-author';
import { ephemeralEvent } from '@/server/realtime/change-and-publish';
import type { widgetChatIdInput } from './schemas';
import { getChatForVisitor } from './widget-chat-access';
import type { VisitorContext } from './widget-context';

/** "Is typing…" to the operator: not stored; nothing when the chat is over. */
export async function signalVisitorTyping({ ctx, input }: { ctx: VisitorContext; input: z.output<typeof widgetChatIdInput> }): Promise<void> {
  const { visitor } = ctx.widgetSession;
  const chat = await getChatForVisitor(ctx.db, visitor.id, input.chatId);
  if (chat.status !== 'active' && chat.status !== 'queued') return;
  ctx.bus.publish([ephemeralEvent({ type: 'chat.typing', ...chatAudience(chat), payload: { chatId: chat.id, role: VISITOR_ROLE, name: visitorDisplayName(visitor) } }, ctx.clock.now())]);
}
