import { eq } from 'drizzle-orm';
import { first } from '@/db/client';
import { chatMessages, chats, operatorPresence } from '@/db/schema';
import type { Actor } from '@/server/context';
import { makeWorld } from './factories';
import { createHarness, harnessCaller, type Harness } from './test-db';

/** A harness with the demo world, plus shortcuts for the chat tests. */
export async function chatWorld() {
  const h = await createHarness();
  const world = await makeWorld(h.db);
  const as = (actor: Actor | null) => harnessCaller(h, actor);
  return {
    h,
    world,
    as,
    async online(operator: Actor, capacity?: number) {
      if (capacity !== undefined) await as(world.admin).admin.operators.setCapacity({ userId: operator.id, capacity });
      await as(operator).operator.setStatus({ status: 'available' });
    },
    async chat(chatId: string) {
      const row = await first(h.db.select().from(chats).where(eq(chats.id, chatId)));
      if (!row) throw new Error(`chat ${chatId} missing`);
      return row;
    },
    presence(operator: Actor) {
      return first(h.db.select().from(operatorPresence).where(eq(operatorPresence.userId, operator.id)));
    },
    async messageCount(chatId: string) {
      return (await h.db.select().from(chatMessages).where(eq(chatMessages.chatId, chatId))).length;
    },
  };
}

export type ChatWorld = Awaited<ReturnType<typeof chatWorld>> & { h: Harness };
