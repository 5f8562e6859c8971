import { eq } from 'drizzle-orm';
import { first, type Tx } from '@/db/client';
import { chats } from '@/db/schema';
import { appendMessage, systemMessage } from '@/server/chat/append-message';
import { chatAudience } from '@/server/chat/chat-access';
import type { Emitter } from '@/server/realtime/change-and-publish';
import type { ApplicationRow } from '@/server/workflow/transition';

/**
 * Tells both sides of the chat that an application changed (its card and page update live) and,
 * for the steps people should notice, says so in the chat.
 */
export async function announceApplicationChange(tx: Tx, emitter: Emitter, application: ApplicationRow, now: Date, note?: { key: string; params: Record<string, string> }): Promise<void> {
  const chat = await first(tx.select().from(chats).where(eq(chats.id, application.chatId)));
  if (!chat) return;
  await emitter.emit({
    type: 'application.updated',
    ...chatAudience(chat),
    payload: { applicationId: application.id, number: application.number, status: application.status, version: application.version },
  });
  if (note) await appendMessage(tx, emitter, chat, systemMessage(note.key, note.params), now);
}

/** Today in Kyiv, `YYYY-MM-DD`: the date the application is judged on. */
export { kyivDate } from '@/server/time/kyiv';
