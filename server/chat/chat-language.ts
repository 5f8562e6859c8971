import { eq } from 'drizzle-orm';
import { first, type DbOrTx } from '@/db/client';
import type { LOCALES } from '@/db/column-values';
import { visitors } from '@/db/schema';
import type { ChatRow } from './chat-access';

export type ChatLanguage = (typeof LOCALES)[number];

/** The language a chat is held in: a widget visitor's own; dealers are served in Ukrainian. */
export async function chatLanguage(db: DbOrTx, chat: Pick<ChatRow, 'visitorId'>): Promise<ChatLanguage> {
  if (!chat.visitorId) return 'uk';
  return (await first(db.select({ locale: visitors.locale }).from(visitors).where(eq(visitors.id, chat.visitorId))))?.locale ?? 'uk';
}
