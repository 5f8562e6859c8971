import { visitorUnread } from './current-chat';
import { openChatOf } from './widget-chat-access';
import type { VisitorContext } from './widget-context';

/** The badge on the embedding page: unread messages of the visitor's open chat (0 when none is open). */
export async function unreadCount({ ctx }: { ctx: VisitorContext }): Promise<{ unread: number }> {
  const chat = await openChatOf(ctx.db, ctx.widgetSession.visitor.id);
  return { unread: chat ? await visitorUnread(ctx.db, chat) : 0 };
}
