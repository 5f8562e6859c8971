import { describe, expect, it } from 'vitest';
import { readMarkFrom, unreadAfter } from '@/app/_components/chat/unread';
import type { MessageDto } from '@/server/chat/schemas';

const ME = 'me';
const message = (seq: number, kind: MessageDto['kind'], authorId: string | null): MessageDto => ({
  id: seq,
  chatId: 'c',
  seq,
  kind,
  authorId,
  authorName: null,
  authorRole: null,
  clientId: null,
  body: '',
  attachment: null,
  createdAt: new Date(0),
});

// 1 system, 2 mine, 3 theirs, 4 system, 5 theirs, 6 mine, 7 theirs
const chat = [message(1, 'system', null), message(2, 'text', ME), message(3, 'text', 'op'), message(4, 'system', null), message(5, 'text', 'op'), message(6, 'text', ME), message(7, 'attachment', 'op')];

describe('a hidden chat counts unread messages as the server does (not system lines, not one’s own)', () => {
  it('finds the read mark the server’s count implies, and counts from it', () => {
    expect(readMarkFrom(chat, ME, 0)).toBe(7);
    expect(readMarkFrom(chat, ME, 1)).toBe(6);
    expect(readMarkFrom(chat, ME, 2)).toBe(4);
    expect(readMarkFrom(chat, ME, 3)).toBe(2);
    for (const unread of [0, 1, 2, 3]) expect(unreadAfter(chat, ME, readMarkFrom(chat, ME, unread))).toBe(unread);
  });

  it('counts what arrives after the mark', () => {
    const more = [...chat, message(8, 'system', null), message(9, 'text', 'op')];
    expect(unreadAfter(more, ME, 7)).toBe(1);
    expect(unreadAfter(more, ME, 9)).toBe(0);
  });
});
