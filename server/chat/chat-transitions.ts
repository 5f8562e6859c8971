import { and, eq, inArray } from 'drizzle-orm';
import { first, type Tx } from '@/db/client';
import { chats, type ChatStatus } from '@/db/schema';
import { auditActor } from '@/server/audit/audit-actor';
import { writeAuditEvent } from '@/server/audit/write-audit-event';
import type { Actor } from '@/server/context';
import { conflict } from '@/server/errors/domain-error';
import type { ChatRow } from './chat-access';

/** The chat's life cycle: which action moves it from which statuses to which. */
export const CHAT_TRANSITIONS = {
  accept: { from: ['queued'], to: 'active' },
  cancel: { from: ['queued'], to: 'abandoned' },
  close: { from: ['active'], to: 'closed' },
} as const satisfies Record<string, { from: readonly ChatStatus[]; to: ChatStatus }>;

export type ChatAction = keyof typeof CHAT_TRANSITIONS;

/**
 * Moves a chat with `WHERE status IN (from)` and writes the audit event in the same transaction.
 * A chat read in a status the action does not leave from is a wrong state (`errors.wrongState`);
 * one that was in such a status but changed before the write is a lost race (`errors.changedMeanwhile`).
 */
export async function moveChat(tx: Tx, chat: ChatRow, action: ChatAction, actor: Pick<Actor, 'id' | 'role'> | { id: string; role: string } | null, changes: Partial<ChatRow>, now: Date): Promise<ChatRow> {
  const rule = CHAT_TRANSITIONS[action];
  if (!(rule.from as readonly ChatStatus[]).includes(chat.status)) {
    throw conflict('errors.wrongState', `Cannot ${action} a chat that is ${chat.status}`, { status: chat.status, action });
  }
  const [updated] = await tx
    .update(chats)
    .set({ ...changes, status: rule.to })
    .where(and(eq(chats.id, chat.id), inArray(chats.status, [...rule.from])))
    .returning();
  if (!updated) {
    const current = (await first(tx.select({ status: chats.status }).from(chats).where(eq(chats.id, chat.id))))?.status ?? 'unknown';
    throw conflict('errors.changedMeanwhile', `The chat became ${current} meanwhile; cannot ${action} it`, { status: current, action });
  }
  await writeAuditEvent(tx, {
    at: now,
    ...auditActor(actor),
    action: `chat.${action}`,
    entityType: 'chat',
    entityId: chat.id,
    data: { from: chat.status, to: rule.to },
  });
  return updated;
}

export function assertChatStatus(chat: ChatRow, allowed: readonly ChatStatus[], what: string): void {
  if (!allowed.includes(chat.status)) {
    throw conflict('errors.wrongState', `Cannot ${what} in a chat that is ${chat.status}`, { status: chat.status });
  }
}
