import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { chats } from '@/db/schema';
import { availableOperators } from '@/server/chat/available-operators';
import { recentHandleTimeSeconds } from '@/server/chat/queue-state';

/**
 * What a chat started now would be told (server/chat/queue-state.ts's rule): answered at once
 * while a place is free; else after (waiting without an operator − free places + 1) × recent
 * handle time ÷ serving places; null when nobody available takes chats.
 */
export async function expectedWaitOfNewChat(db: DbOrTx, now: Date): Promise<{ outlook: 'now' | 'estimate' | 'noOperators'; etaSeconds: number | null }> {
  const operators = await availableOperators(db, now);
  const taking = new Set(operators.map((o) => o.userId));
  const servingPlaces = operators.reduce((sum, o) => sum + o.capacity, 0);
  if (servingPlaces === 0) return { outlook: 'noOperators', etaSeconds: null };
  const freePlaces = operators.reduce((sum, o) => sum + Math.max(0, o.capacity - o.load), 0);
  const waiting = await db.select({ offeredTo: chats.offeredTo }).from(chats).where(eq(chats.status, 'queued'));
  const ahead = waiting.filter((c) => !(c.offeredTo && taking.has(c.offeredTo))).length;
  if (ahead < freePlaces) return { outlook: 'now', etaSeconds: 0 };
  const handleSeconds = await recentHandleTimeSeconds(db, now);
  return { outlook: 'estimate', etaSeconds: Math.ceil(((ahead - freePlaces + 1) * handleSeconds) / servingPlaces) };
}
