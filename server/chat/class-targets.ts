import type { ChatClass } from '@/db/column-values';
import { env } from '@/server/config/env';

/**
 * The service-level target of each chat class, in milliseconds: a chat should be answered within
 * it (CHAT_TARGET_DEALER_SECONDS, CHAT_TARGET_SUBSCRIBER_SECONDS, 20 s each by default;
 * server/config/env.ts). The queue is ordered by deadline (arrival + its class's target) and the
 * metrics count a chat answered within its class's target.
 */
export function classTargetMs(chatClass: ChatClass): number {
  const e = env();
  return (chatClass === 'subscriber' ? e.CHAT_TARGET_SUBSCRIBER_SECONDS : e.CHAT_TARGET_DEALER_SECONDS) * 1000;
}

/** Both classes' targets in seconds. */
export function classTargetsSeconds(): Record<ChatClass, number> {
  const e = env();
  return { dealer: e.CHAT_TARGET_DEALER_SECONDS, subscriber: e.CHAT_TARGET_SUBSCRIBER_SECONDS };
}

/** A waiting chat's deadline: its arrival plus its class's target (earliest-deadline-first routing). */
export function chatDeadline(chat: { class: ChatClass; createdAt: Date }): number {
  return chat.createdAt.getTime() + classTargetMs(chat.class);
}

/** Whether an operator who serves `serves` may be offered a chat of `chatClass`. */
export function servesClass(serves: string, chatClass: ChatClass): boolean {
  return serves === 'both' || serves === chatClass;
}

/** Waiting chats in routing order: earliest deadline first; ties by arrival, then id. */
export function byDeadline<T extends { id: string; class: ChatClass; createdAt: Date }>(rows: T[]): T[] {
  return rows
    .map((row) => ({ row, deadline: chatDeadline(row) }))
    .sort((a, b) => a.deadline - b.deadline || a.row.createdAt.getTime() - b.row.createdAt.getTime() || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0))
    .map(({ row }) => row);
}
