import { eq, sql } from 'drizzle-orm';
import { preparedQuery } from '@/db/prepared';
import type { Tx } from '@/db/client';
import { chatMessages, chats, type MessageKind } from '@/db/schema';
import type { Emitter } from '@/server/realtime/change-and-publish';
import { chatAudience, type ChatRow } from './chat-access';
import type { MessageDto } from './schemas';

export interface MessageAuthor {
  id: string;
  name: string;
  role: string;
}

export interface NewMessage {
  kind: MessageKind;
  author: MessageAuthor | null;
  body: string;
  clientId?: string | null;
  attachment?: MessageDto['attachment'];
  /** The widget visitor who wrote it (then `author` is their display, and authorId stays null). */
  visitorId?: string | null;
}

/** Kinds a widget visitor never receives: operators' notes, and the dealer's application cards. */
export const NOT_FOR_VISITORS = ['note', 'application', 'prefill'] as const satisfies readonly MessageKind[];

const insertMessage = preparedQuery((db) =>
  db
    .insert(chatMessages)
    .values({
      chatId: sql.placeholder('chatId'),
      seq: sql.placeholder('seq'),
      kind: sql.placeholder('kind'),
      authorId: sql.placeholder('authorId'),
      visitorId: sql.placeholder('visitorId'),
      clientId: sql.placeholder('clientId'),
      body: sql.placeholder('body'),
      attachmentId: sql.placeholder('attachmentId'),
      createdAt: sql.placeholder('createdAt'),
    })
    .returning()
    .prepare(),
);
/**
 * The chat's next sequence number, taken by incrementing its counter: on PostgreSQL the update
 * locks the chat's row until the commit, so two messages sent at once get one number each (on
 * SQLite the transaction's write lock does).
 */
const nextSeq = preparedQuery((db) =>
  db
    .update(chats)
    .set({ lastSeq: sql`${chats.lastSeq} + 1` })
    .where(eq(chats.id, sql.placeholder('chatId')))
    .returning({ seq: chats.lastSeq })
    .prepare(),
);

/**
 * Appends a message with the chat's next sequence number and emits it as it will be shown.
 * Notes (kind `note`, e.g. a transfer note) go to the operator only, never to the dealer or the
 * visitor; a visitor gets no application cards either.
 */
export async function appendMessage(tx: Tx, emitter: Emitter, chat: ChatRow, message: NewMessage, now: Date): Promise<MessageDto> {
  const next = await nextSeq(tx).get({ chatId: chat.id });
  if (!next) throw new Error(`chat ${chat.id} vanished while a message was appended`);
  const { seq } = next;
  const row = await insertMessage(tx).get({
    chatId: chat.id,
    seq,
    kind: message.kind,
    authorId: message.visitorId ? null : (message.author?.id ?? null),
    visitorId: message.visitorId ?? null,
    clientId: message.clientId ?? null,
    body: message.body,
    attachmentId: message.attachment?.id ?? null,
    createdAt: now,
  });
  if (!row) throw new Error('the message insert returned no row');
  chat.lastSeq = seq;
  const dto: MessageDto = {
    id: row.id,
    chatId: row.chatId,
    seq: row.seq,
    kind: row.kind,
    authorId: row.authorId,
    authorName: message.author?.name ?? null,
    authorRole: message.author?.role ?? null,
    clientId: row.clientId,
    body: row.body,
    attachment: message.attachment ?? null,
    createdAt: row.createdAt,
  };
  const forOperatorsOnly = message.kind === 'note' || (chat.visitorId !== null && (NOT_FOR_VISITORS as readonly string[]).includes(message.kind));
  await emitter.emit({ type: 'chat.message', ...chatAudience(chat, { dealer: !forOperatorsOnly }), payload: { message: { ...dto, createdAt: dto.createdAt.toISOString() } } });
  return dto;
}

/** System messages are stored as a message key with parameters, so each side reads them in its own language. */
export const systemMessage = (key: string, params: Record<string, string> = {}): NewMessage => ({
  kind: 'system',
  author: null,
  body: JSON.stringify({ key, params }),
});
