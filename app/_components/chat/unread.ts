import type { MessageDto } from '@/server/chat/schemas';

/** Messages that count as unread, as the server counts them: not system lines, not one's own. */
const counts = (m: MessageDto, myId: string) => m.kind !== 'system' && m.authorId !== myId;

/**
 * The reader's read mark as the server's unread count at load implies it: just before the
 * `unread`-th counted message from the end (the chat's last message when nothing is unread).
 */
export function readMarkFrom(messages: readonly MessageDto[], myId: string, unread: number): number {
  const counted = messages.filter((m) => counts(m, myId));
  if (unread <= 0) return messages.at(-1)?.seq ?? 0;
  const first = counted[counted.length - unread];
  return first ? first.seq - 1 : 0;
}

export function unreadAfter(messages: readonly MessageDto[], myId: string, readMark: number): number {
  return messages.filter((m) => m.seq > readMark && counts(m, myId)).length;
}
