import type { VisitorContext } from './widget-context';

export async function unreadCount({ ctx }: { ctx: VisitorContext }): Promise<{ unread: number }> {
  void ctx;
  throw new Error('not yet');
}
